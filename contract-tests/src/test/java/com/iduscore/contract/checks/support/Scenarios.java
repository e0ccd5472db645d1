package com.iduscore.contract.checks.support;

import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.target.RunEnvironment;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.target.TargetKind;

/**
 * The scenario triggers ({@code partnerSubmissionId} prefixes {@code sim-fail-inference-}, {@code sim-retry-inference-},
 * {@code sim-reject-}, {@code sim-sla-breach-}, {@code sim-partial-}): the mock always honours them; a deployment
 * reached by URL honours them when {@code IDUSCORE_SCENARIOS=true} says so (a test environment running the same
 * simulation, or the mock's image). Otherwise the checks that need them are skipped with the reason.
 */
public final class Scenarios {

    /** The variable (or the conformance jar's {@code --scenarios}) that says a URL target honours them. */
    public static final String VARIABLE = "IDUSCORE_SCENARIOS";

    private Scenarios() {
    }

    /** Whether {@code target} honours the triggers. */
    public static boolean honoured(Target target) {
        if (target.kind() != TargetKind.URL) {
            return true;
        }
        String configured = RunEnvironment.variables().get(VARIABLE);
        return configured != null && Boolean.parseBoolean(configured.trim());
    }

    /** Skips the running check, with the reason, unless the target honours the triggers. */
    public static void require(Target target) {
        Checks.require(honoured(target), "scenario triggers (partnerSubmissionId prefixes sim-…) are honoured by the mock;"
                + " set " + VARIABLE + "=true when this deployment honours them too");
    }
}
