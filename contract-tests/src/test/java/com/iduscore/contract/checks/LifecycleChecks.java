package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.Json;
import com.iduscore.contract.checks.support.Lifecycle;
import com.iduscore.contract.checks.support.Once;
import com.iduscore.contract.checks.support.Pipeline;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.junit.Locks;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.target.TargetKind;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIFE: one submission of the complete fixture followed from its 202 to the end through the public API (CONTRACT.md D2, D3, D7),
 * every observation kept. The checks read that one run (so the suite stays fast); each asserts one rule over all
 * observations. The class holds the clock lock for reading: a 24-hour jump elsewhere would breach the SLA here.
 */
@ConformanceTest
@ResourceLock(value = Locks.CLOCK, mode = ResourceAccessMode.READ)
class LifecycleChecks {

    private static final String GET_SUBMISSION = "GET /v1/submissions/{submissionId}";

    private static final Once<Pipeline.Followed> RUN = Once.of("a complete submission followed to its end", () -> {
        Target target = Api.target();
        return Pipeline.submitAndFollow(target, target.primary(), Fixtures.validSubmission(target.primary()));
    });

    /** GET /v1/jobs/{id} of every job of the run, once it has settled, by type. */
    private static final Once<Map<String, JsonNode>> DETAILS = Once.of("the job details of the followed submission", () -> {
        Pipeline.Followed run = RUN.get();
        Map<String, JsonNode> details = new LinkedHashMap<>();
        for (JsonNode job : Pipeline.jobs(run.last())) {
            details.put(job.path("type").asText(), Pipeline.jobDetail(run.accepted().credential(), job.path("jobId").asText()));
        }
        return details;
    });

    @Check(id = "LIFE-01", rule = "CONTRACT.md D2", title = "The 202 says received, names the ingest job and echoes partnerSubmissionId and x-correlation-id",
            operation = "POST /v1/submissions")
    void the_acceptance_names_the_ingest_job_and_echoes_the_request() {
        Pipeline.Followed run = RUN.get();
        JsonNode accepted = run.accepted().json();

        assertThat(accepted.path("status").asText()).as("status of the 202").isEqualTo("received");
        assertThat(accepted.path("statusLabel").asText()).as("statusLabel of the 202").isEqualTo("Received");
        assertThat(accepted.path("correlationId").asText()).as("correlationId of the 202 (the x-correlation-id sent)")
                .isEqualTo(run.accepted().correlationId());
        assertThat(accepted.path("partnerSubmissionId").asText()).as("partnerSubmissionId of the 202")
                .isEqualTo(run.accepted().body().path("partnerSubmissionId").asText());
        assertThat(accepted.path("jobId").asText()).as("jobId of the 202 is the pipeline.ingest_validate job")
                .isEqualTo(run.job("pipeline.ingest_validate").path("jobId").asText());
        assertThat(Json.instant(run.last(), "createdAt")).as("the submission's createdAt %s is the 202's %s (compared as instants: CONTRACT.md O2)",
                run.last().path("createdAt").asText(), accepted.path("createdAt").asText()).isEqualTo(Json.instant(accepted, "createdAt"));
    }

    @Check(id = "LIFE-02", rule = "CONTRACT.md D7", title = "Submission statuses only move forward and end completed", operation = GET_SUBMISSION)
    void submission_statuses_only_move_forward() {
        Pipeline.Followed run = RUN.get();

        assertThat(Lifecycle.submissionMovesForward(run.observations())).as("backward moves in %s",
                statuses(run.observations())).isEmpty();
        assertThat(run.status()).as("final status").isEqualTo("completed");
    }

    @Check(id = "LIFE-03", rule = "CONTRACT.md D7", title = "Job statuses only move forward; a finished job never changes", operation = GET_SUBMISSION)
    void job_statuses_only_move_forward() {
        Pipeline.Followed run = RUN.get();

        assertThat(Lifecycle.jobsMoveForward(run.observations())).isEmpty();
        Pipeline.jobs(run.last()).forEach(job -> assertThat(job.path("status").asText())
                .as("final status of %s on a normal run", job.path("type").asText()).isEqualTo("succeeded"));
    }

    @Check(id = "LIFE-04", rule = "CONTRACT.md D7", title = "In every observation the submission status is the one its jobs imply (CONTRACT.md D7)",
            operation = GET_SUBMISSION)
    void submission_status_agrees_with_its_jobs() {
        List<String> problems = new ArrayList<>();
        List<JsonNode> observations = RUN.get().observations();
        for (int i = 0; i < observations.size(); i++) {
            JsonNode observation = observations.get(i);
            Set<String> allowed = Lifecycle.consistentStatuses(observation);
            String status = observation.path("status").asText();
            if (!allowed.contains(status)) {
                problems.add("observation " + i + ": status " + status + " but the jobs imply " + allowed + ": " + jobStatuses(observation));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Check(id = "LIFE-05", rule = "CONTRACT.md D3 (jobs in pipeline order); CONTRACT.md D7; OpenAPI #/components/schemas/PartnerProcessingJobTypePublic", title = "Seven jobs in the pipeline order of the job type enum, with stable ids, in every observation",
            operation = GET_SUBMISSION)
    void seven_jobs_in_pipeline_order() {
        List<String> order = Json.contractEnum("PartnerProcessingJobTypePublic");
        Pipeline.Followed run = RUN.get();
        List<String> firstIds = jobIds(run.observations().get(0));

        assertThat(firstIds).as("job ids").hasSize(order.size()).doesNotHaveDuplicates();
        for (JsonNode observation : run.observations()) {
            List<String> types = new ArrayList<>();
            Pipeline.jobs(observation).forEach(job -> types.add(job.path("type").asText()));
            assertThat(types).as("job types in order").containsExactlyElementsOf(order);
            assertThat(jobIds(observation)).as("job ids stay the same").containsExactlyElementsOf(firstIds);
        }
    }

    @Check(id = "LIFE-06", rule = "CONTRACT.md D7 (parentJobId); OpenAPI #/components/schemas/PartnerJobDetailResponse", title = "Each job's parentJobId is the previous step's job (the first has none); jobs name their submission",
            operation = "GET /v1/jobs/{jobId}")
    void jobs_form_a_parent_chain() {
        Pipeline.Followed run = RUN.get();
        Map<String, JsonNode> details = DETAILS.get();
        String previous = null;
        for (JsonNode job : Pipeline.jobs(run.last())) {
            JsonNode detail = details.get(job.path("type").asText());
            String type = job.path("type").asText();
            if (previous == null) {
                assertThat(detail.path("parentJobId").isNull()).as("parentJobId of the first job %s is null", type).isTrue();
            } else {
                assertThat(detail.path("parentJobId").asText()).as("parentJobId of %s", type).isEqualTo(previous);
            }
            assertThat(detail.path("submissionId").asText()).as("submissionId of %s", type).isEqualTo(run.accepted().submissionId());
            assertThat(detail.path("partnerSubmissionId").asText()).as("partnerSubmissionId of %s", type)
                    .isEqualTo(run.accepted().body().path("partnerSubmissionId").asText());
            assertThat(detail.path("partnerSubjectId").asText()).as("partnerSubjectId of %s", type)
                    .isEqualTo(run.accepted().body().path("partnerSubjectId").asText());
            previous = job.path("jobId").asText();
        }
    }

    @Check(id = "LIFE-07", rule = "CONTRACT.md D7 (correlationId of every job)", title = "Every job carries the POST's x-correlation-id, in the summary and in the job detail",
            operation = GET_SUBMISSION)
    void every_job_carries_the_correlation_id() {
        Pipeline.Followed run = RUN.get();
        String expected = run.accepted().correlationId();

        for (JsonNode observation : run.observations()) {
            Pipeline.jobs(observation).forEach(job -> assertThat(job.path("correlationId").asText())
                    .as("correlationId of %s", job.path("type").asText()).isEqualTo(expected));
        }
        DETAILS.get().forEach((type, detail) -> assertThat(detail.path("correlationId").asText())
                .as("correlationId of the job detail of %s", type).isEqualTo(expected));
    }

    @Check(id = "LIFE-08", rule = "CONTRACT.md D7 (timestamps); CONTRACT.md O2", title = "Timestamps are ordered (queuedAt ≤ startedAt ≤ completedAt, createdAt ≤ updatedAt) and never go backwards",
            operation = GET_SUBMISSION)
    void timestamps_are_ordered_and_never_go_backwards() {
        List<JsonNode> observations = RUN.get().observations();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            problems.addAll(Lifecycle.timestampsOrderedWithin(observations.get(i), "observation " + i));
        }
        problems.addAll(Lifecycle.timestampsNeverGoBackwards(observations));
        DETAILS.get().forEach((type, detail) -> {
            Instant created = Json.instant(detail, "createdAt");
            Instant updated = Json.instant(detail, "updatedAt");
            if (created == null || updated == null || updated.isBefore(created)) {
                problems.add("job detail " + type + ": createdAt " + created + ", updatedAt " + updated);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Check(id = "LIFE-09", rule = "CONTRACT.md D7 (maxAttempts)", title = "attempts ≤ maxAttempts; maxAttempts is 3, and 5 for pipeline.dispatch_webhooks", operation = GET_SUBMISSION)
    void attempts_stay_within_max_attempts() {
        for (JsonNode observation : RUN.get().observations()) {
            for (JsonNode job : Pipeline.jobs(observation)) {
                String type = job.path("type").asText();
                int attempts = job.path("attempts").asInt();
                int max = job.path("maxAttempts").asInt();
                assertThat(max).as("maxAttempts of %s", type).isEqualTo("pipeline.dispatch_webhooks".equals(type) ? 5 : 3);
                assertThat(attempts).as("attempts of %s (%s)", type, job.path("status").asText()).isBetween(0, max);
                if ("pending".equals(job.path("status").asText())) {
                    assertThat(attempts).as("attempts of the pending %s", type).isZero();
                }
                if ("succeeded".equals(job.path("status").asText())) {
                    assertThat(attempts).as("attempts of the succeeded %s", type).isGreaterThanOrEqualTo(1);
                }
            }
        }
    }

    @Check(id = "LIFE-10", rule = "CONTRACT.md D7 (resultId from run_inference on)", title = "resultId appears exactly when pipeline.run_inference has succeeded", operation = GET_SUBMISSION)
    void result_id_appears_when_inference_succeeds() {
        Pipeline.Followed run = RUN.get();
        String first = null;
        for (JsonNode observation : run.observations()) {
            boolean inferred = "succeeded".equals(Pipeline.job(observation, "pipeline.run_inference").path("status").asText());
            JsonNode resultId = observation.path("resultId");
            assertThat(resultId.isTextual()).as("resultId present (%s) while run_inference is %s", resultId,
                    Pipeline.job(observation, "pipeline.run_inference").path("status").asText()).isEqualTo(inferred);
            if (resultId.isTextual()) {
                first = first == null ? resultId.asText() : first;
                assertThat(resultId.asText()).as("resultId never changes").isEqualTo(first);
            }
        }
        assertThat(run.resultId()).as("resultId of the completed submission").isNotNull();
    }

    @Check(id = "LIFE-11", rule = "CONTRACT.md D7 (processingDurationMs); CONTRACT.md O2", title = "processingDurationMs = completedAt − startedAt of each finished job", operation = GET_SUBMISSION)
    void processing_duration_is_completed_minus_started() {
        for (JsonNode observation : RUN.get().observations()) {
            for (JsonNode job : Pipeline.jobs(observation)) {
                Instant started = Json.instant(job, "startedAt");
                Instant completed = Json.instant(job, "completedAt");
                String type = job.path("type").asText();
                if (started != null && completed != null) {
                    assertThat(job.path("processingDurationMs").isIntegralNumber()).as("processingDurationMs of %s", type).isTrue();
                    // the timestamps may be written with fewer fractional digits than the server measured (CONTRACT.md O2)
                    long tolerance = Math.max(Lifecycle.resolutionMillis(job.path("startedAt").asText()),
                            Lifecycle.resolutionMillis(job.path("completedAt").asText()));
                    assertThat(job.path("processingDurationMs").asLong())
                            .as("processingDurationMs of %s = completedAt %s − startedAt %s (± %d ms, the precision the timestamps are written with)",
                                    type, job.path("completedAt").asText(), job.path("startedAt").asText(), tolerance)
                            .isCloseTo(Duration.between(started, completed).toMillis(), org.assertj.core.data.Offset.offset(tolerance));
                } else if (started == null) {
                    assertThat(job.path("processingDurationMs").isNull()).as("processingDurationMs of %s, not started", type).isTrue();
                }
            }
        }
    }

    @Check(id = "LIFE-12", rule = "CONTRACT.md D7; IDUSCORE_RESULT_TIMEOUT", title = "The submission completes within the result timeout (time to result recorded)", operation = GET_SUBMISSION)
    void completes_within_the_result_timeout(Target target) {
        Pipeline.Followed run = RUN.get();
        Duration toResult = Pipeline.timeToResult(run);
        Pipeline.recordTimeToResult(run);

        assertThat(run.status()).as("final status").isEqualTo("completed");
        assertThat(toResult).as("time from the 202 to write_artifacts completing, by the deployment's clock")
                // zero is possible: a fast pipeline and timestamps written to the second (CONTRACT.md O2)
                .isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(target.resultTimeout());
    }

    @Check(id = "LIFE-13", rule = "CONTRACT.md D3 (PartnerJobSummary); OpenAPI GET /v1/jobs/{jobId}", title = "GET /v1/jobs/{jobId} of each job agrees with its summary in the submission",
            operation = "GET /v1/jobs/{jobId}")
    void job_details_agree_with_the_summaries() {
        Pipeline.Followed run = RUN.get();
        Map<String, JsonNode> details = DETAILS.get();
        assertThat(details.get("pipeline.ingest_validate").path("jobId").asText())
                .as("GET /v1/jobs/{jobId of the 202} is the ingest job").isEqualTo(run.accepted().jobId());
        for (JsonNode summary : Pipeline.jobs(run.last())) {
            JsonNode detail = details.get(summary.path("type").asText());
            Set<String> shared = Json.fieldNames(summary);
            shared.retainAll(Json.fieldNames(detail));
            assertThat(shared).as("fields the summary and the detail share").contains("jobId", "type", "status", "attempts");
            for (String field : shared) {
                assertThat(detail.path(field)).as("%s of %s: detail vs summary", field, summary.path("type").asText())
                        .isEqualTo(summary.path(field));
            }
        }
    }

    @Check(id = "LIFE-14", rule = "CONTRACT.md D7 (slaDeadlineAt, slaBreached)", title = "slaDeadlineAt = queuedAt + the SLA (15 minutes on the mock); a normal run breaches none",
            operation = GET_SUBMISSION)
    void sla_deadlines_follow_queued_at_and_a_normal_run_breaches_none(Target target) {
        Set<Duration> slas = new java.util.HashSet<>();
        for (JsonNode job : Pipeline.jobs(RUN.get().last())) {
            String type = job.path("type").asText();
            Instant queued = Json.instant(job, "queuedAt");
            Instant deadline = Json.instant(job, "slaDeadlineAt");
            assertThat(queued).as("queuedAt of %s", type).isNotNull();
            assertThat(deadline).as("slaDeadlineAt of %s", type).isNotNull();
            slas.add(Duration.between(queued, deadline));
            assertThat(job.path("slaBreached").asBoolean()).as("slaBreached of %s on a normal run", type).isFalse();
        }
        assertThat(slas).as("one SLA for every step").hasSize(1);
        Duration sla = slas.iterator().next();
        assertThat(sla).as("the SLA").isPositive();
        if (target.kind() != TargetKind.URL) {
            assertThat(sla).as("the mock's default SLA").isEqualTo(Duration.ofMinutes(15));
        }
    }

    @Check(id = "LIFE-15", rule = "CONTRACT.md D7 (labels)", title = "Labels are the title case of the slug; job types carry the CONTRACT.md D7 labels", operation = GET_SUBMISSION)
    void labels_follow_the_slugs() {
        Map<String, String> typeLabels = Map.of(
                "pipeline.ingest_validate", "Ingest & validate", "pipeline.deidentify", "De-identify",
                "pipeline.map_to_fhir", "Map to FHIR", "pipeline.fhir_store_upsert", "FHIR store upsert",
                "pipeline.run_inference", "Run inference", "pipeline.write_artifacts", "Write artifacts",
                "pipeline.dispatch_webhooks", "Dispatch webhooks");
        for (JsonNode observation : RUN.get().observations()) {
            assertThat(observation.path("statusLabel").asText()).as("statusLabel of %s", observation.path("status").asText())
                    .isEqualTo(Lifecycle.label(observation.path("status").asText()));
            for (JsonNode job : Pipeline.jobs(observation)) {
                assertThat(job.path("statusLabel").asText()).as("statusLabel of job status %s", job.path("status").asText())
                        .isEqualTo(Lifecycle.label(job.path("status").asText()));
                assertThat(job.path("typeLabel").asText()).as("typeLabel of %s", job.path("type").asText())
                        .isEqualTo(typeLabels.get(job.path("type").asText()));
            }
        }
    }

    @Check(id = "LIFE-16", rule = "CONTRACT.md D7 (queuedAt)", title = "The ingest job is queued at acceptance; each later job only after its parent succeeded",
            operation = GET_SUBMISSION)
    void each_job_is_queued_after_its_parent_succeeded() {
        Pipeline.Followed run = RUN.get();
        Instant accepted = run.accepted().createdAt();
        Instant previousCompleted = null;
        for (JsonNode job : Pipeline.jobs(run.last())) {
            String type = job.path("type").asText();
            Instant queued = Json.instant(job, "queuedAt");
            if (previousCompleted == null) {
                assertThat(queued).as("queuedAt of the ingest job = the submission's createdAt").isEqualTo(accepted);
            } else {
                assertThat(queued).as("queuedAt of %s is not before its parent completed", type).isAfterOrEqualTo(previousCompleted);
            }
            previousCompleted = Json.instant(job, "completedAt");
        }
    }

    @Check(id = "LIFE-17", rule = "CONTRACT.md D3 (counts); CONTRACT.md D8", title = "counts.results and counts.artifacts match the result once completed", operation = GET_SUBMISSION)
    void counts_match_the_result() {
        Pipeline.Followed run = RUN.get();
        JsonNode result = Pipeline.result(run.accepted().credential(), run.resultId());
        JsonNode counts = run.last().path("counts");

        assertThat(counts.path("results").asInt()).as("counts.results of a completed submission").isEqualTo(1);
        assertThat(counts.path("artifacts").asInt()).as("counts.artifacts = the result's artifact items")
                .isEqualTo(result.path("artifacts").path("items").size());
        for (JsonNode observation : run.observations()) {
            if (observation.path("resultId").isNull()) {
                assertThat(observation.path("counts").path("results").asInt()).as("counts.results before a result exists").isZero();
            }
        }
    }

    private static List<String> statuses(List<JsonNode> observations) {
        List<String> out = new ArrayList<>();
        observations.forEach(o -> out.add(o.path("status").asText()));
        return out;
    }

    private static List<String> jobIds(JsonNode observation) {
        List<String> ids = new ArrayList<>();
        Pipeline.jobs(observation).forEach(job -> ids.add(job.path("jobId").asText()));
        return ids;
    }

    private static String jobStatuses(JsonNode observation) {
        StringBuilder out = new StringBuilder();
        Pipeline.jobs(observation).forEach(job -> out.append(job.path("type").asText().replace("pipeline.", ""))
                .append('=').append(job.path("status").asText()).append('/').append(job.path("attempts").asInt()).append(' '));
        return out.toString().trim();
    }
}
