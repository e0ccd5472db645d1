package com.iduscore.contract.selftest;

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
 * The suite proves its own checks can fail: it runs them against a deliberately broken deployment, one planted
 * deviation at a time, and each time the check meant to catch it must fail on an assertion.
 *
 * <p>Set-up, once: a conforming mock process (real clock, 20 ms pipeline steps) behind a {@link DeviationProxy}, which
 * also relays the mock's webhooks to an inbox of the nested run. Then:
 * <ol>
 *   <li>the control run: every check named by a deviation, through the proxy with no deviation planted, must pass
 *       (otherwise a "caught" deviation proves nothing);</li>
 *   <li>one test per planted deviation ({@code a_cross_tenant_200_is_caught_by_ISO_01}): the deviation is planted and its
 *       check alone runs; it is caught when the check FAILS on an assertion (not skipped, not broken by an exception)
 *       and the proxy really applied the deviation at least once.</li>
 * </ol>
 * Finally {@code reports/latest/selftest.json} holds {@code {"planted", "caught", "deviations": [...]}} and the console
 * says {@code Self-test: M of N planted deviations caught}.
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

    @BeforeAll
    static void start_the_mock_behind_the_proxy() {
        startedNanos = System.nanoTime();
        tenants = DemoTenants.load();
        webhookSecret = "whsec_selftest_" + hex(16);
        webhookKey = "whk_selftest_" + hex(8);
        catalogue = CheckCatalogue.scan();
        planted = Deviations.all(tenants, WEBHOOK_PREFIX, webhookSecret);
        proxy = DeviationProxy.start();
        mock = MockProcess.start(tenants.withWebhookForPrimary(proxy.relayUrl(), webhookSecret, webhookKey));
        proxy.forwardTo(mock.baseUrl());
    }

    @AfterAll
    static void report_the_share_caught_and_stop() throws Exception {
        try {
            List<SelfTestReport.Verdict> verdicts = withTheUnrun(List.copyOf(VERDICTS));
            boolean controlPassed = control != null && control.values().stream().allMatch(o -> o.status() == NestedRun.Status.PASSED);
            String controlDetail = control == null ? "not run" : control.values().stream()
                    .filter(o -> o.status() != NestedRun.Status.PASSED).map(NestedRun.Outcome::toString)
                    .reduce((a, b) -> a + "; " + b).orElse("all " + control.size() + " targeted checks passed");
            Duration wall = Duration.ofNanos(System.nanoTime() - startedNanos);
            Path file = SelfTestReport.write(reportsDir(), SelfTestReport.render(verdicts, controlPassed, controlDetail, wall));
            System.out.println(SelfTestReport.summary(verdicts) + "; control " + (controlPassed ? "passed" : "FAILED")
                    + "; " + wall.toMillis() / 1000.0 + " s; " + file + ")");
            verdicts.stream().filter(v -> !v.caught())
                    .forEach(v -> System.out.println("[self-test] NOT CAUGHT " + v.name() + " by " + v.check() + ": " + v.detail()));
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
