package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.Json;
import com.iduscore.contract.checks.support.Lifecycle;
import com.iduscore.contract.checks.support.Pipeline;
import com.iduscore.contract.checks.support.Scenarios;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.junit.Locks;
import com.iduscore.contract.target.Target;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIFE (error paths): the mock's scenario triggers ({@code partnerSubmissionId} prefixes) drive a submission down each
 * path CONTRACT.md D7 describes: a dead letter, a retry, an ingest rejection, a partial result (the SLA breach, LIFE-23, jumps the
 * clock and lives in {@link ClockJumpChecks}). The mock honours the triggers; against a deployment reached by URL these
 * checks run when {@code IDUSCORE_SCENARIOS=true} says it honours them too, else they are skipped with that reason.
 */
@ConformanceTest
@ResourceLock(value = Locks.CLOCK, mode = ResourceAccessMode.READ)
class ScenarioChecks {

    private static final String GET_SUBMISSION = "GET /v1/submissions/{submissionId}";

    @Check(id = "LIFE-20", rule = "CONTRACT.md D7; CONTRACT.md D12 (scenario triggers, mock and IDUSCORE_SCENARIOS=true)", title = "Inference failing every attempt: run_inference dead_letter after maxAttempts, later jobs cancelled, submission failed",
            operation = GET_SUBMISSION)
    void inference_that_always_fails_ends_in_a_dead_letter(Target target) {
        Pipeline.Followed run = follow(target, "sim-fail-inference-");

        assertThat(run.status()).as("final submission status").isEqualTo("failed");
        assertThat(run.last().path("statusLabel").asText()).as("statusLabel").isEqualTo("Failed");
        JsonNode inference = run.job("pipeline.run_inference");
        assertThat(inference.path("status").asText()).as("run_inference status").isEqualTo("dead_letter");
        assertThat(inference.path("attempts").asInt()).as("run_inference attempts").isEqualTo(inference.path("maxAttempts").asInt());
        assertThat(Json.instant(inference, "failedAt")).as("run_inference failedAt").isNotNull();
        assertThat(inference.path("errorSummary").asText("")).as("run_inference errorSummary").isNotBlank();
        JsonNode detail = Pipeline.jobDetail(run.accepted().credential(), inference.path("jobId").asText());
        assertThat(detail.path("lastError").asText("")).as("run_inference lastError in the job detail").isNotBlank();
        for (String type : List.of("pipeline.ingest_validate", "pipeline.deidentify", "pipeline.map_to_fhir", "pipeline.fhir_store_upsert")) {
            assertThat(run.job(type).path("status").asText()).as("status of %s before the failure", type).isEqualTo("succeeded");
        }
        for (String type : List.of("pipeline.write_artifacts", "pipeline.dispatch_webhooks")) {
            JsonNode job = run.job(type);
            assertThat(job.path("status").asText()).as("status of %s after the dead letter", type).isEqualTo("cancelled");
            assertThat(job.path("queuedAt").isNull() && job.path("slaDeadlineAt").isNull())
                    .as("a cancelled, never-queued %s has null queuedAt and slaDeadlineAt: %s", type, job).isTrue();
        }
        assertThat(run.last().path("resultId").isNull()).as("no result after a failed inference").isTrue();
        assertThat(Lifecycle.jobsMoveForward(run.observations())).as("job moves").isEmpty();
        assertThat(Lifecycle.submissionMovesForward(run.observations())).as("submission moves").isEmpty();
    }

    @Check(id = "LIFE-21", rule = "CONTRACT.md D7; CONTRACT.md D12 (scenario triggers, mock and IDUSCORE_SCENARIOS=true)", title = "Inference failing once is retried: attempts 2, succeeded, submission completed",
            operation = GET_SUBMISSION)
    void inference_that_fails_once_is_retried(Target target) {
        Pipeline.Followed run = follow(target, "sim-retry-inference-");

        assertThat(run.status()).as("final submission status").isEqualTo("completed");
        JsonNode inference = run.job("pipeline.run_inference");
        assertThat(inference.path("status").asText()).as("run_inference status").isEqualTo("succeeded");
        assertThat(inference.path("attempts").asInt()).as("run_inference attempts").isEqualTo(2);
        assertThat(run.resultId()).as("resultId after the retry").isNotNull();
        assertThat(Lifecycle.jobsMoveForward(run.observations())).as("job moves (a retry goes running → queued)").isEmpty();
        assertThat(Lifecycle.timestampsNeverGoBackwards(run.observations())).as("timestamps").isEmpty();
    }

    @Check(id = "LIFE-22", rule = "CONTRACT.md D7; CONTRACT.md D12 (scenario triggers, mock and IDUSCORE_SCENARIOS=true)", title = "Ingest rejecting the submission: rejected, no later job runs, no result", operation = GET_SUBMISSION)
    void a_submission_rejected_at_ingest_stops_there(Target target) {
        Pipeline.Followed run = follow(target, "sim-reject-");

        assertThat(run.status()).as("final submission status").isEqualTo("rejected");
        assertThat(run.last().path("statusLabel").asText()).as("statusLabel").isEqualTo("Rejected");
        assertThat(run.job("pipeline.ingest_validate").path("status").asText()).as("ingest status")
                .isIn("failed", "dead_letter");
        Pipeline.jobs(run.last()).forEach(job -> {
            if (!"pipeline.ingest_validate".equals(job.path("type").asText())) {
                assertThat(job.path("status").asText()).as("status of %s after a rejection", job.path("type").asText())
                        .isEqualTo("cancelled");
            }
        });
        assertThat(run.last().path("resultId").isNull()).as("no result after a rejection").isTrue();
        assertThat(Lifecycle.submissionMovesForward(run.observations())).as("submission moves").isEmpty();
    }

    @Check(id = "LIFE-24", rule = "CONTRACT.md D7; CONTRACT.md D12 (scenario triggers, mock and IDUSCORE_SCENARIOS=true)", title = "A partial result: every outcome is partial with a notice", operation = "GET /v1/results/{resultId}")
    void a_partial_result_says_so_in_every_outcome(Target target) {
        Pipeline.Followed run = follow(target, "sim-partial-");

        assertThat(run.status()).as("final status").isEqualTo("completed");
        JsonNode result = Pipeline.result(run.accepted().credential(), run.resultId());
        JsonNode outcomes = result.has("outcomes") ? result.path("outcomes") : Json.MAPPER.createArrayNode().add(result.path("outcome"));
        assertThat(outcomes.size()).as("outcomes").isPositive();
        for (JsonNode outcome : outcomes) {
            assertThat(outcome.path("outcomeStatus").asText()).as("outcomeStatus of %s", outcome.path("outcomeId").asText())
                    .isEqualTo("partial");
            assertThat(outcome.path("outcomeStatusLabel").asText()).as("outcomeStatusLabel").isEqualTo("Partial");
            assertThat(outcome.path("notices").size()).as("notices of a partial %s", outcome.path("outcomeId").asText())
                    .isPositive();
        }
    }

    private static Pipeline.Followed follow(Target target, String prefix) {
        Scenarios.require(target);
        return Pipeline.submitAndFollow(target, target.primary(), body(target, prefix));
    }

    private static ObjectNode body(Target target, String prefix) {
        return Fixtures.validSubmission(target.primary(), prefix);
    }
}
