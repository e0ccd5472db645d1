package com.iduscore.mock.http;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static com.iduscore.mock.http.Fixtures.DEMO_A1_PARTNER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario triggers as a partner sees them over HTTP: what the README's table promises for each
 * {@code partnerSubmissionId} prefix.
 */
@ExtendWith(RunningMock.class)
class ScenarioTriggersTest {

    @Test
    void sim_fail_inference_ends_failed_with_inference_dead_lettered_and_no_result() {
        JsonPath submission = runToEnd("sim-fail-inference-001", Duration.ofMinutes(1));

        assertThat(submission.getString("status")).isEqualTo("failed");
        assertThat(submission.getString("resultId")).isNull();
        assertThat(submission.getString("jobs[4].type")).isEqualTo("pipeline.run_inference");
        assertThat(submission.getString("jobs[4].status")).isEqualTo("dead_letter");
        assertThat(submission.getInt("jobs[4].attempts")).isEqualTo(3);
        assertThat(submission.getString("jobs[4].errorSummary")).isNotBlank();
        assertThat(submission.getList("jobs.status").subList(5, 7)).containsOnly("cancelled");
    }

    @Test
    void sim_retry_inference_completes_after_a_second_inference_attempt() {
        JsonPath submission = runToEnd("sim-retry-inference-001", Duration.ofMinutes(1));

        assertThat(submission.getString("status")).isEqualTo("completed");
        assertThat(submission.getInt("jobs[4].attempts")).isEqualTo(2);
        assertThat(submission.getString("jobs[4].status")).isEqualTo("succeeded");
    }

    @Test
    void sim_reject_ends_rejected_at_ingest() {
        JsonPath submission = runToEnd("sim-reject-001", Duration.ofMinutes(1));

        assertThat(submission.getString("status")).isEqualTo("rejected");
        assertThat(submission.getString("jobs[0].status")).isEqualTo("failed");
        assertThat(submission.getList("jobs.status").subList(1, 7)).containsOnly("cancelled");
        assertThat(submission.getString("resultId")).isNull();
    }

    @Test
    void sim_sla_breach_completes_with_the_inference_job_past_its_deadline() {
        JsonPath submission = runToEnd("sim-sla-breach-001", Duration.ofMinutes(30));

        assertThat(submission.getString("status")).isEqualTo("completed");
        assertThat(submission.getBoolean("jobs[4].slaBreached")).isTrue();
        assertThat(submission.getBoolean("jobs[0].slaBreached")).isFalse();
    }

    @Test
    void sim_partial_completes_with_partial_outcomes_and_a_notice() {
        JsonPath submission = runToEnd("sim-partial-001", Duration.ofMinutes(1));
        JsonPath result = Partner.withKey(DEMO_A1_KEY).get("/v1/results/" + submission.getString("resultId"))
                .then().statusCode(200).extract().jsonPath();

        assertThat(result.getList("outcomes.outcomeStatus")).containsOnly("partial");
        List<List<String>> notices = result.getList("outcomes.notices.message");
        assertThat(notices).allSatisfy(messages -> assertThat(messages).isNotEmpty());
    }

    @Test
    void sim_webhook_fail_retries_every_delivery_then_dead_letters_the_dispatch_job() {
        JsonPath submission = runToEnd("sim-webhook-fail-001", Duration.ofMinutes(1));

        assertThat(submission.getString("status")).isEqualTo("completed");
        assertThat(submission.getString("jobs[6].type")).isEqualTo("pipeline.dispatch_webhooks");
        assertThat(submission.getString("jobs[6].status")).isEqualTo("dead_letter");
        assertThat(submission.getInt("jobs[6].attempts")).isEqualTo(5);
        JsonPath deliveries = Admin.deliveries();
        assertThat(deliveries.getList("deliveries.attempt")).containsExactly(1, 2, 3, 4, 5);
        assertThat(deliveries.getList("deliveries.error", String.class))
                .allSatisfy(error -> assertThat(error).contains("sim-webhook-fail-"));
    }

    @Test
    void sim_slow_takes_ten_times_as_long_per_step() {
        String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.submission(DEMO_A1_PARTNER_ID, "sim-slow-001"));
        Admin.advance(Duration.ofSeconds(5)); // a normal submission completes in 2.1 s

        assertThat(status(submissionId)).isIn("validated", "processing");

        Admin.advance(Duration.ofSeconds(17)); // 7 steps of 3 s
        assertThat(status(submissionId)).isEqualTo("completed");
    }

    @Test
    void sim_pending_artifacts_completes_with_artifacts_pending_for_five_seconds() {
        JsonPath submission = runToEnd("sim-pending-artifacts-001", Duration.ofSeconds(3));
        assertThat(submission.getString("status")).isEqualTo("completed");
        String resultPath = "/v1/results/" + submission.getString("resultId");

        JsonPath pending = Partner.withKey(DEMO_A1_KEY).get(resultPath).then().statusCode(200).extract().jsonPath();
        assertThat(pending.getList("artifacts.items.availability")).isNotEmpty().containsOnly("pending");

        Admin.advance(Duration.ofSeconds(5));
        JsonPath available = Partner.withKey(DEMO_A1_KEY).get(resultPath).then().statusCode(200).extract().jsonPath();
        assertThat(available.getList("artifacts.items.availability")).isNotEmpty().containsOnly("available");
    }

    private static String status(String submissionId) {
        return Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + submissionId)
                .then().statusCode(200).extract().path("status");
    }

    private static JsonPath runToEnd(String partnerSubmissionId, Duration advance) {
        String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.submission(DEMO_A1_PARTNER_ID, partnerSubmissionId));
        Admin.advance(advance);
        return Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + submissionId)
                .then().statusCode(200).extract().jsonPath();
    }
}
