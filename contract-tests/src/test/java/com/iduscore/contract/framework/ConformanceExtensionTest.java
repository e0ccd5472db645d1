package com.iduscore.contract.framework;

import com.iduscore.contract.api.Api;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.report.Baseline;
import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.CheckStatus;
import com.iduscore.contract.run.ConformanceRun;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.webhook.WebhookInbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a small check class through a real JUnit launcher against a fake read-only deployment and a baseline, and looks
 * at what JUnit saw and what the run recorded. The sample run is a {@link ConformanceRun} of its own (fake target,
 * recorder, baseline), so nothing global is swapped. Isolated only because the sample classes are enabled by a flag.
 */
@Isolated
class ConformanceExtensionTest {

    private static TestExecutionSummary summary;
    private static Map<String, CheckRecord> records;

    static volatile boolean insideSelfTest;

    @BeforeAll
    static void run_the_sample_checks() throws Exception {
        FakeDeployment fake = new FakeDeployment(true);
        ConformanceRun run = ConformanceRun.of(fake, Optional.of(Baseline.of(Map.of("SELF-02", CheckStatus.FAILED,
                "SELF-03", CheckStatus.PASSED))));
        try {
            insideSelfTest = true;
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(SampleChecks.class), selectClass(BrokenSetUpChecks.class))
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            run.execute(request, listener);
            summary = listener.getSummary();
        } finally {
            insideSelfTest = false;
            fake.close();
        }
        records = run.recorder().checks().stream().collect(Collectors.toMap(CheckRecord::id, Function.identity()));
    }

    @Test
    void records_a_passing_check_with_its_exchange_and_injects_target_and_primary_credential() {
        CheckRecord passed = records.get("SELF-01");
        assertThat(passed.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(passed.title()).isEqualTo("health answers");
        assertThat(passed.operation()).isEqualTo("GET /health");
        assertThat(passed.exchanges()).hasSize(1);
        assertThat(passed.exchanges().get(0).curl()).contains("/health");
    }

    @Test
    void lets_a_failure_the_baseline_knows_through_as_skipped_but_records_it_failed() {
        CheckRecord known = records.get("SELF-02");
        assertThat(known.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(known.knownFailure()).isTrue();
        assertThat(known.detail()).contains("418");
    }

    @Test
    void fails_junit_for_a_check_that_passed_in_the_baseline_and_records_its_masked_transcript() {
        CheckRecord regression = records.get("SELF-03");
        assertThat(regression.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(regression.knownFailure()).isFalse();
        assertThat(regression.exchanges()).isNotEmpty();
        assertThat(regression.exchanges().get(0).curl()).contains("X-Api-Key: idu_…****").doesNotContain("idu_fake_primary");
    }

    @Test
    void skips_a_writing_check_in_read_only_mode_with_the_reason() {
        assertThat(records.get("SELF-04").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(records.get("SELF-04").detail()).isEqualTo("IDUSCORE_READ_ONLY=true: this check would POST");
    }

    @Test
    void records_an_explicit_skip_with_its_reason_never_as_a_pass() {
        assertThat(records.get("SELF-05").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(records.get("SELF-05").detail()).isEqualTo("no second credential configured");
    }

    @Test
    void skips_a_check_that_needs_the_webhook_inbox_where_the_target_has_none() {
        assertThat(records.get("SELF-06").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(records.get("SELF-06").detail()).contains("IDUSCORE_WEBHOOK_PORT");
    }

    @Test
    void records_dynamic_checks_as_checks_of_their_own() {
        assertThat(records.get("SELF-07").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(records.get("SELF-07").operation()).isEqualTo("GET /health");
        assertThat(records.get("SELF-08").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(records.get("SELF-08").detail()).isEqualTo(Checks.READ_ONLY_REASON);
    }

    @Test
    void refuses_a_submission_post_from_a_check_declared_read_only() {
        assertThat(records.get("SELF-09").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(records.get("SELF-09").detail()).contains("IDUSCORE_READ_ONLY=true: refused POST /v1/submissions");
    }

    @Test
    void a_check_is_a_test_by_itself_and_never_registered_twice_with_an_explicit_test() {
        assertThat(records.keySet()).containsExactlyInAnyOrder("SELF-01", "SELF-02", "SELF-03", "SELF-04", "SELF-05",
                "SELF-06", "SELF-07", "SELF-08", "SELF-09", "SETUP-01", "SETUP-02");
    }

    @Test
    void records_every_check_of_a_class_whose_set_up_failed_as_failed_with_the_cause() {
        assertThat(records.get("SETUP-01").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(records.get("SETUP-02").detail())
                .contains("the class set-up (@BeforeAll) failed, so this check did not run", "no connection to the deployment");
    }

    @Test
    void junit_sees_only_the_regression_and_the_mis_declared_check_as_failures() {
        assertThat(summary.getTestsFailedCount()).isEqualTo(2);
        assertThat(summary.getContainersFailedCount()).isEqualTo(1); // BrokenSetUpChecks
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2); // SELF-01 and SELF-07
        assertThat(summary.getTestsAbortedCount()).isEqualTo(3);   // SELF-02 (known), SELF-05, SELF-08
        assertThat(summary.getTestsSkippedCount()).isEqualTo(2);   // SELF-04, SELF-06 (disabled)
    }

    /** Only run through the launcher above. */
    @ConformanceTest
    @EnabledIf("com.iduscore.contract.framework.ConformanceExtensionTest#inside")
    static class SampleChecks {

        @Test
        @Check(id = "SELF-01", title = "health answers", operation = "GET /health", writes = false)
        void passes(Target target, Credential credential) {
            assertThat(credential).isEqualTo(target.primary());
            Api.givenAnonymous().get("/health").then().statusCode(200);
        }

        @Check(id = "SELF-02", title = "known failure", operation = "GET /health", writes = false)
        void fails_as_in_the_baseline() {
            Api.givenAnonymous().get("/health").then().statusCode(418);
        }

        @Check(id = "SELF-03", title = "regression", operation = "GET /v1/submissions/{submissionId}", writes = false)
        void fails_unlike_the_baseline(Credential credential) {
            Api.given(credential).get("/v1/submissions/{id}", "0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a").then().statusCode(200);
        }

        @Check(id = "SELF-04", title = "writes", operation = "POST /v1/submissions")
        void writes() {
            throw new AssertionError("must not run in read-only mode");
        }

        @Check(id = "SELF-05", title = "needs a second credential", operation = "GET /health", writes = false)
        void skips(Target target) {
            Checks.require(target.secondCredential().isPresent(), "no second credential configured");
        }

        @Check(id = "SELF-06", title = "needs the inbox", operation = "webhook result.ready", writes = false)
        void needs_inbox(WebhookInbox inbox) {
            throw new AssertionError("must not run without an inbox");
        }

        @TestFactory
        Stream<DynamicTest> dynamic_checks() {
            return Stream.of(
                    Checks.dynamic("SELF-07", "dynamic read", "GET /health",
                            () -> Api.givenAnonymous().get("/health").then().statusCode(200)),
                    Checks.dynamic("SELF-08", "dynamic write", "POST /v1/submissions",
                            () -> {
                                throw new AssertionError("must not run in read-only mode");
                            }));
        }

        @Check(id = "SELF-09", title = "declared read-only but posts", operation = "POST /v1/submissions", writes = false)
        void posts_anyway(Credential credential) {
            Api.submit(credential, com.iduscore.contract.api.Fixtures.validSubmission(credential));
        }
    }

    /** Only run through the launcher above. */
    @ConformanceTest
    @EnabledIf("com.iduscore.contract.framework.ConformanceExtensionTest#inside")
    static class BrokenSetUpChecks {

        @org.junit.jupiter.api.BeforeAll
        static void set_up() {
            throw new IllegalStateException("no connection to the deployment");
        }

        @Check(id = "SETUP-01", title = "first", operation = "GET /health", writes = false)
        void first() {
        }

        @Check(id = "SETUP-02", title = "second", operation = "GET /health", writes = false)
        void second() {
        }
    }

    static boolean inside() {
        return insideSelfTest;
    }

    static List<String> ids() {
        return List.copyOf(records.keySet());
    }
}
