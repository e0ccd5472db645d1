package com.iduscore.contract.selftest;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One change a conforming deployment may make where the contract leaves the choice open (the mirror image of a
 * {@link PlantedDeviation}): the proxy applies it to the conforming mock's traffic, the checks it could confuse run,
 * and none of them may fail.
 *
 * @param name        what varies, in snake case ({@code json_keys_in_reverse_order})
 * @param rule        the open choice it exercises ({@code CONTRACT.md O4}) or the rule that allows it
 * @param description what the proxy does, for the report
 * @param deviation   makes a fresh transformation (the proxy's hooks; it must keep the contract)
 * @param classes     the check classes (simple names) whose checks could be confused by it: those run
 * @param excluded    check ids left out of those classes (slow ones the variation cannot touch)
 */
record LegalVariation(String name, String rule, String description, Supplier<Deviation> deviation, Set<String> classes,
                      Set<String> excluded) {

    static LegalVariation of(String name, String rule, String description, Scope scope, Supplier<Deviation> deviation) {
        return new LegalVariation(name, rule, description, deviation, scope.classes, scope.excluded);
    }

    /** {@code json_keys_in_reverse_order_passes_every_check}. */
    String displayName() {
        return name + "_passes_every_check (" + rule + ")";
    }

    /** Which checks a variation runs: those it could confuse. */
    enum Scope {
        /**
         * Every kind of answer of the partner API: submissions, jobs, results, downloads, replays, the platform routes,
         * preflights, 405s, and every kind of error (ERR-01/02 provoke each one). The classes that only provoke
         * errors run under {@link #ERRORS}; DRIFT-01 (slow: openapi-diff) under {@link #DOCUMENT}.
         */
        API(Set.of("ArtifactChecks", "CorsChecks", "ErrorEnvelopeChecks", "IdempotencyChecks", "IsolationChecks",
                "LifecycleChecks", "PlatformChecks", "ResultChecks", "RoutingChecks", "ScenarioChecks"), Set.of("DRIFT-01")),
        /** The checks that read timestamps. */
        TIMESTAMPS(Set.of("LifecycleChecks", "ResultChecks", "ArtifactChecks", "IdempotencyChecks", "PlatformChecks",
                "ScenarioChecks", "IsolationChecks"), Set.of("DRIFT-01")),
        /** The checks that read error envelopes. */
        ERRORS(Set.of("AuthChecks", "ErrorEnvelopeChecks", "IdempotencyChecks", "IsolationChecks", "MarkerPanelChecks",
                "PartnerIdChecks", "RoutingChecks", "ValidationChecks", "WriteHeaderChecks"), Set.of()),
        /** The published document. */
        DOCUMENT(Set.of("PlatformChecks"), Set.of()),
        /** The preflight and the 405s. */
        CORS_AND_ROUTES(Set.of("CorsChecks", "RoutingChecks"), Set.of()),
        /** The webhook, less HOOK-09 (15 s of backoff, and it reads nothing HOOK-08 does not). */
        WEBHOOK(Set.of("WebhookChecks"), Set.of("HOOK-09"));

        final Set<String> classes;
        final Set<String> excluded;

        Scope(Set<String> classes, Set<String> excluded) {
            this.classes = classes;
            this.excluded = excluded;
        }
    }

    static List<String> names(List<LegalVariation> variations) {
        return variations.stream().map(LegalVariation::name).toList();
    }
}
