package com.iduscore.contract.selftest;

import com.iduscore.contract.checks.support.Scenarios;
import com.iduscore.contract.target.DemoTenants;
import com.iduscore.contract.target.MockJarProcess;
import com.iduscore.contract.target.ReactorPaths;
import com.iduscore.contract.target.TargetSettings;
import com.iduscore.contract.webhook.WebhookInbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The suite proves itself both ways: its checks fail on a deployment that breaks the contract, and none fails on one
 * that keeps it while making the choices the contract leaves open differently from the mock.
 *
 * <p>Set-up, once: a conforming mock process (real clock, 20 ms pipeline steps) behind a {@link DeviationProxy}, which
 * also relays the mock's webhooks to an inbox of the nested run. The URL-mode checks may use the scenario triggers
 * (the mock honours them). Then:
 * <ol>
 *   <li>deviations, control: every check named by a deviation, through the proxy with nothing planted, must pass
 *       (otherwise a "caught" deviation proves nothing);</li>
 *   <li>one test per planted deviation ({@code a_cross_tenant_200_is_caught_by_ISO_01}): the deviation is planted and its
 *       check alone runs; it is caught when the check FAILS on an assertion (not skipped, not broken by an exception)
 *       and the proxy really applied the deviation at least once;</li>
 *   <li>legal variations, control: every check any variation runs, with nothing planted, must not fail;</li>
 *   <li>one test per legal variation ({@code json_keys_sorted_passes_every_check (CONTRACT.md O4)}): the variation is planted and
 *       the check classes of its scope run; no check may fail (passed, warned or skipped), and the proxy must have
 *       applied it.</li>
 * </ol>
 * Finally {@code reports/latest/selftest.json} and {@code selftest.html} hold both figures and the console says
 * {@code Self-test: deviations caught M/N …; legal variations passed K/L …}.
 *
 * <p>Not a conformance check (no {@code @ConformanceTest}: it never counts in the conformance report). {@link Isolated}:
 * it swaps the run's shared target, recorder and baseline for its nested runs, so nothing else may run meanwhile.
 */
@Isolated
class PlantedDeviationSelfTest {

    private static final String WEBHOOK_PREFIX = TargetSettings.DEFAULT_WEBHOOK_HEADER_PREFIX;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static long startedNanos;
    private static DemoTenants tenants;
    private static String webhookSecret;
    private static String webhookKey;
    private static DeviationProxy proxy;
    private static MockJarProcess mock;
    private static CheckCatalogue catalogue;
    private static List<PlantedDeviation> planted;
    private static Map<String, NestedRun.Outcome> control;
    private static final List<SelfTestReport.Verdict> VERDICTS = Collections.synchronizedList(new ArrayList<>());
    private static final List<SelfTestReport.VariationVerdict> VARIATION_VERDICTS = Collections.synchronizedList(new ArrayList<>());
    private static List<LegalVariation> variations;
    private static Map<String, NestedRun.Outcome> variationControl;
    private static String scenariosBefore;

    @BeforeAll
    static void start_the_mock_behind_the_proxy() {
        startedNanos = System.nanoTime();
        tenants = DemoTenants.load();
        webhookSecret = "whsec_selftest_" + hex(16);
        webhookKey = "whk_selftest_" + hex(8);
        catalogue = CheckCatalogue.scan();
        planted = Deviations.all(tenants, WEBHOOK_PREFIX, webhookSecret);
        variations = only(LegalVariations.all(WEBHOOK_PREFIX, webhookSecret), LegalVariation::name);
        planted = only(planted, PlantedDeviation::name);
        // the mock behind the proxy honours the scenario triggers: let the URL-mode checks use them (restored after)
        scenariosBefore = System.setProperty(Scenarios.VARIABLE, "true");
        proxy = DeviationProxy.start();
        mock = MockProcess.start(tenants.withWebhookForPrimary(proxy.relayUrl(), webhookSecret, webhookKey));
        proxy.forwardTo(mock.baseUrl());
    }

    @AfterAll
    static void report_the_share_caught_and_stop() throws Exception {
        try {
            if (scenariosBefore == null) {
                System.clearProperty(Scenarios.VARIABLE);
            } else {
                System.setProperty(Scenarios.VARIABLE, scenariosBefore);
            }
            List<SelfTestReport.Verdict> verdicts = withTheUnrun(List.copyOf(VERDICTS));
            List<SelfTestReport.VariationVerdict> variationVerdicts = withTheUnrunVariations(List.copyOf(VARIATION_VERDICTS));
            boolean controlPassed = control != null && control.values().stream().allMatch(o -> o.status() == NestedRun.Status.PASSED);
            String controlDetail = control == null ? "not run" : control.values().stream()
                    .filter(o -> o.status() != NestedRun.Status.PASSED).map(NestedRun.Outcome::toString)
                    .reduce((a, b) -> a + "; " + b).orElse("all " + control.size() + " targeted checks passed");
            Duration wall = Duration.ofNanos(System.nanoTime() - startedNanos);
            boolean variationControlPassed = variationControl != null && variationControl.values().stream().noneMatch(LEGAL_FAILURE);
            String variationControlDetail = variationControl == null ? "not run" : variationControl.values().stream()
                    .filter(LEGAL_FAILURE).map(NestedRun.Outcome::toString)
                    .reduce((a, b) -> a + "; " + b).orElse(variationControl.size() + " checks, none failed");
            Path file = SelfTestReport.write(reportsDir(), SelfTestReport.render(verdicts, controlPassed, controlDetail,
                    variationVerdicts, variationControlPassed, variationControlDetail, wall));
            System.out.println(SelfTestReport.summary(verdicts, variationVerdicts) + "; controls " + (controlPassed ? "passed" : "FAILED")
                    + "/" + (variationControlPassed ? "passed" : "FAILED") + "; " + wall.toMillis() / 1000.0 + " s; " + file + ")");
            verdicts.stream().filter(v -> !v.caught())
                    .forEach(v -> System.out.println("[self-test] NOT CAUGHT " + v.name() + " by " + v.check() + ": " + v.detail()));
            variationVerdicts.stream().filter(v -> !v.passed())
                    .forEach(v -> System.out.println("[self-test] LEGAL VARIATION FAILED CHECKS " + v.name() + ": " + v.detail()));
        } finally {
            if (mock != null) {
                mock.close();
            }
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    /** Every planted deviation has a verdict: one that never ran (a failed set-up) counts as not caught. */
    private static List<SelfTestReport.Verdict> withTheUnrun(List<SelfTestReport.Verdict> verdicts) {
        if (planted == null) {
            return verdicts;
        }
        List<SelfTestReport.Verdict> all = new ArrayList<>(verdicts);
        for (PlantedDeviation p : planted) {
            boolean judged = verdicts.stream().anyMatch(v -> v.name().equals(p.name()) && v.check().equals(p.checkId()));
            if (!judged) {
                all.add(new SelfTestReport.Verdict(p.name(), p.checkId(), p.description(), false, 0,
                        "not run: the self-test's set-up failed (see the test's failure)"));
            }
        }
        return all;
    }

    /**
     * The bound of every wait of a variation's nested run: nothing is withheld there, so a wait only ends early when
     * the machine is slow (many checks run at once), and a false failure is what the variations must never show.
     */
    private static final Duration VARIATION_TIMEOUT = Duration.ofSeconds(30);

    /** A check outcome that counts against a legal variation: failed on an assertion, or broken. */
    private static final java.util.function.Predicate<NestedRun.Outcome> LEGAL_FAILURE =
            o -> o.status() == NestedRun.Status.FAILED || o.status() == NestedRun.Status.ERRORED;

    /** Every legal variation has a verdict: one that never ran counts as not passed. */
    private static List<SelfTestReport.VariationVerdict> withTheUnrunVariations(List<SelfTestReport.VariationVerdict> verdicts) {
        if (variations == null) {
            return verdicts;
        }
        List<SelfTestReport.VariationVerdict> all = new ArrayList<>(verdicts);
        for (LegalVariation v : variations) {
            if (verdicts.stream().noneMatch(x -> x.name().equals(v.name()))) {
                all.add(new SelfTestReport.VariationVerdict(v.name(), v.rule(), v.description(), false, 0, 0, 0,
                        "not run: the self-test's set-up failed (see the test's failure)"));
            }
        }
        return all;
    }

    /**
     * The mirror image: every planted legal variation (a choice the contract leaves open, made differently from the
     * mock) leaves every check it could confuse passing (or warned, or skipped for the same reason as without it).
     */
    @TestFactory
    Stream<DynamicTest> every_legal_variation_passes_every_check() {
        DynamicTest controlRun = DynamicTest.dynamicTest("the_control_run_fails_no_check_through_the_proxy", () -> {
            List<String> failing = variationControl().values().stream().filter(LEGAL_FAILURE).map(NestedRun.Outcome::toString).toList();
            if (!failing.isEmpty()) {
                throw new AssertionError("without any variation, through the proxy, these checks must not fail: "
                        + String.join(System.lineSeparator(), failing));
            }
        });
        return Stream.concat(Stream.of(controlRun),
                variations.stream().map(v -> DynamicTest.dynamicTest(v.displayName(), () -> plantAndPass(v))));
    }

    /** Runs every check any variation runs, through the proxy, with nothing planted. Once. */
    private static synchronized Map<String, NestedRun.Outcome> variationControl() {
        if (variationControl == null) {
            java.util.Set<String> classes = new java.util.TreeSet<>();
            java.util.Set<String> excluded = new java.util.TreeSet<>();
            for (LegalVariation.Scope scope : LegalVariation.Scope.values()) {
                classes.addAll(scope.classes);
            }
            for (LegalVariation.Scope scope : LegalVariation.Scope.values()) {
                excluded.addAll(scope.excluded);
            }
            proxy.plant(Deviation.NONE);
            variationControl = runAllAgainstProxy(catalogue.inClasses(classes, excluded), VARIATION_TIMEOUT);
        }
        return variationControl;
    }

    private static void plantAndPass(LegalVariation variation) {
        Map<String, NestedRun.Outcome> outcomes;
        int applied;
        variationControl();
        proxy.plant(variation.deviation().get());
        try {
            outcomes = runAllAgainstProxy(catalogue.inClasses(variation.classes(), variation.excluded()), VARIATION_TIMEOUT);
        } finally {
            applied = proxy.applied();
            proxy.plant(Deviation.NONE);
        }
        List<NestedRun.Outcome> failed = outcomes.values().stream().filter(LEGAL_FAILURE).toList();
        long passed = outcomes.values().stream().filter(o -> o.status() == NestedRun.Status.PASSED).count();
        boolean ok = failed.isEmpty() && applied > 0 && !outcomes.isEmpty();
        String detail = applied == 0 ? "not planted: no message the variation applies to went through the proxy"
                : failed.isEmpty() ? outcomes.size() + " checks ran, " + passed + " passed, none failed"
                : failed.size() + " of " + outcomes.size() + " checks failed: "
                + failed.stream().map(NestedRun.Outcome::toString).reduce((a, b) -> a + "; " + b).orElse("");
        VARIATION_VERDICTS.add(new SelfTestReport.VariationVerdict(variation.name(), variation.rule(), variation.description(),
                ok, applied, outcomes.size(), failed.size(), detail));
        if (!ok) {
            throw new AssertionError("legal variation " + variation.name() + " (" + variation.rule() + ": "
                    + variation.description() + ") must fail no check: " + detail);
        }
    }

    /** One nested run of every check of {@code methods}, with a fresh webhook inbox. */
    private static Map<String, NestedRun.Outcome> runAllAgainstProxy(List<CheckCatalogue.CheckMethod> methods, Duration timeout) {
        try (WebhookInbox inbox = WebhookInbox.start("127.0.0.1", 0, webhookSecret, WEBHOOK_PREFIX, webhookKey, timeout)) {
            proxy.relayTo(inbox.url());
            return NestedRun.runAll(ProxiedTarget.of(proxy.baseUrl(), tenants, inbox, timeout), methods);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_planted_deviation_is_caught_by_its_check() {
        DynamicTest controlRun = DynamicTest.dynamicTest("the_control_run_passes_every_targeted_check_through_the_proxy",
                () -> {
                    List<String> notPassing = control().values().stream()
                            .filter(o -> o.status() != NestedRun.Status.PASSED).map(NestedRun.Outcome::toString).toList();
                    if (!notPassing.isEmpty()) {
                        throw new AssertionError("without any deviation, through the proxy, these checks must pass: "
                                + String.join(System.lineSeparator(), notPassing));
                    }
                });
        return Stream.concat(Stream.of(controlRun),
                planted.stream().map(p -> DynamicTest.dynamicTest(p.displayName(), () -> plantAndCatch(p))));
    }

    /** Runs every check a deviation names, through the proxy, with nothing planted. Once. */
    private static synchronized Map<String, NestedRun.Outcome> control() {
        if (control == null) {
            Map<String, CheckCatalogue.Selection> checks = new LinkedHashMap<>();
            for (PlantedDeviation p : planted) {
                catalogue.find(p.checkId()).ifPresent(s -> checks.putIfAbsent(s.id(), s));
            }
            proxy.plant(Deviation.NONE);
            control = runAgainstProxy(List.copyOf(checks.values()), PlantedDeviation.DEFAULT_TIMEOUT);
        }
        return control;
    }

    private static void plantAndCatch(PlantedDeviation deviation) {
        String id = deviation.checkId();
        Optional<CheckCatalogue.Selection> check = catalogue.find(id);
        boolean caught = false;
        int applied = 0;
        String detail;
        if (check.isEmpty()) {
            detail = "check " + id + " is not in the catalogue (" + CheckCatalogue.PACKAGE + "), so nothing can catch this";
        } else if (control().get(id).status() != NestedRun.Status.PASSED) {
            detail = "proves nothing: without the deviation " + control().get(id);
        } else {
            NestedRun.Outcome outcome;
            proxy.plant(deviation.deviation().get());
            try {
                outcome = runAgainstProxy(List.of(check.get()), deviation.resultTimeout()).get(id);
            } finally {
                applied = proxy.applied();
                proxy.plant(Deviation.NONE);
            }
            if (applied == 0) {
                detail = "not planted: the check sent nothing the deviation applies to (" + outcome + ")";
            } else if (outcome.failedOnAnAssertion()) {
                caught = true;
                detail = outcome.detail();
            } else {
                detail = "the check did not fail on an assertion: " + outcome;
            }
        }
        VERDICTS.add(new SelfTestReport.Verdict(deviation.name(), id, deviation.description(), caught, applied, detail));
        if (!caught) {
            throw new AssertionError("planted deviation NOT caught by " + id + " (" + deviation.description() + "): " + detail);
        }
    }

    /** One nested run of {@code checks}, with a fresh webhook inbox whose waits are bounded by {@code timeout}. */
    private static Map<String, NestedRun.Outcome> runAgainstProxy(List<CheckCatalogue.Selection> checks, Duration timeout) {
        try (WebhookInbox inbox = WebhookInbox.start("127.0.0.1", 0, webhookSecret, WEBHOOK_PREFIX, webhookKey, timeout)) {
            proxy.relayTo(inbox.url());
            return NestedRun.run(ProxiedTarget.of(proxy.baseUrl(), tenants, inbox, timeout), checks);
        }
    }

    /**
     * The items whose name {@code -Diduscore.selftest.only=a,b} lists (to re-run a few while working on them); all
     * when the property is not set.
     */
    private static <T> List<T> only(List<T> all, java.util.function.Function<T, String> name) {
        String wanted = System.getProperty("iduscore.selftest.only", "").trim();
        if (wanted.isEmpty()) {
            return all;
        }
        java.util.Set<String> names = java.util.Set.of(wanted.split("\\s*,\\s*"));
        return all.stream().filter(item -> names.contains(name.apply(item))).toList();
    }

    private static Path reportsDir() {
        String configured = System.getenv("IDUSCORE_REPORTS_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured.trim()) : ReactorPaths.root().resolve("reports");
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
