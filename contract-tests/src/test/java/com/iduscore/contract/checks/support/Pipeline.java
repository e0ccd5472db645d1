package com.iduscore.contract.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submitting and following a submission through the public API only: POST, then GET the submission (and its result)
 * through {@link Target#pollUntil}, which moves the stub's manual clock between probes and waits on a real deployment.
 */
public final class Pipeline {

    /** Submission statuses after which nothing changes. */
    public static final Set<String> TERMINAL_SUBMISSION = Set.of("completed", "failed", "rejected");
    /**
     * Job statuses after which the job never changes. {@code failed} counts: CONTRACT.md D7 sends a failed attempt that will be
     * retried straight back to {@code queued}, so a job seen {@code failed} has failed for good (an ingest rejection).
     */
    public static final Set<String> TERMINAL_JOB = Set.of("succeeded", "failed", "cancelled", "dead_letter");
    private static final Set<String> TIMED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Pipeline() {
    }

    /** A 202 acceptance: what was sent and what came back. */
    public record Accepted(Credential credential, ObjectNode body, String idempotencyKey, String correlationId,
                           Response response, JsonNode json) {
        public String submissionId() {
            return json.path("submissionId").asText();
        }

        public String jobId() {
            return json.path("jobId").asText();
        }

        public Instant createdAt() {
            return Json.instant(json, "createdAt");
        }
    }

    /** A submission followed to its end: every observation of GET /v1/submissions/{id}, oldest first. */
    public record Followed(Accepted accepted, List<JsonNode> observations) {
        public JsonNode last() {
            return observations.get(observations.size() - 1);
        }

        public String status() {
            return last().path("status").asText();
        }

        public String resultId() {
            JsonNode id = last().path("resultId");
            return id.isTextual() ? id.asText() : null;
        }

        /** The job of a type in the last observation. */
        public JsonNode job(String type) {
            return Pipeline.job(last(), type);
        }
    }

    /** POSTs {@code body} with fresh headers and asserts the 202. */
    public static Accepted submit(Credential credential, ObjectNode body) {
        String key = Api.newIdempotencyKey();
        String correlationId = Api.newCorrelationId();
        Response response = Api.submit(credential, body, key, correlationId);
        assertThat(response.statusCode()).as("POST /v1/submissions of a valid body answers 202; body: %s", response.asString())
                .isEqualTo(202);
        return new Accepted(credential, body, key, correlationId, response, Json.body(response));
    }

    /** GET /v1/submissions/{id} as {@code credential}, asserting 200. */
    public static JsonNode submission(Credential credential, String submissionId) {
        Response response = Api.given(credential).get("/v1/submissions/{id}", submissionId);
        assertThat(response.statusCode()).as("GET /v1/submissions/%s answers 200; body: %s", submissionId, response.asString())
                .isEqualTo(200);
        return Json.body(response);
    }

    /** GET /v1/jobs/{id} as {@code credential}, asserting 200. */
    public static JsonNode jobDetail(Credential credential, String jobId) {
        Response response = Api.given(credential).get("/v1/jobs/{id}", jobId);
        assertThat(response.statusCode()).as("GET /v1/jobs/%s answers 200; body: %s", jobId, response.asString())
                .isEqualTo(200);
        return Json.body(response);
    }

    /** GET /v1/results/{id} as {@code credential}, asserting 200. */
    public static JsonNode result(Credential credential, String resultId) {
        Response response = Api.given(credential).get("/v1/results/{id}", resultId);
        assertThat(response.statusCode()).as("GET /v1/results/%s answers 200; body: %s", resultId, response.asString())
                .isEqualTo(200);
        return Json.body(response);
    }

    /** Polls the submission until it and every one of its jobs have reached a terminal status. */
    public static Followed followToEnd(Target target, Accepted accepted) {
        return followUntil(target, accepted, Pipeline::settled);
    }

    /** Polls the submission until {@code done} holds. */
    public static Followed followUntil(Target target, Accepted accepted, java.util.function.Predicate<JsonNode> done) {
        List<JsonNode> observations = target.pollUntil(
                () -> submission(accepted.credential(), accepted.submissionId()), done);
        Followed followed = new Followed(accepted, observations);
        recordTimeToResult(followed);
        return followed;
    }

    /**
     * Records the time to result of a completed submission for the report, once per submission. Scenario
     * submissions ({@code sim-} prefixes, e.g. a deliberate SLA breach) are not typical runs and are left out.
     */
    public static void recordTimeToResult(Followed followed) {
        boolean scenario = followed.accepted().body().path("partnerSubmissionId").asText().startsWith("sim-");
        if (!scenario && "completed".equals(followed.status()) && TIMED.add(followed.accepted().submissionId())) {
            com.iduscore.contract.junit.Checks.recordTimeToResult(followed.accepted().submissionId(), timeToResult(followed));
        }
    }

    /** Submits and follows to the end (the time to result is recorded when it completes). */
    public static Followed submitAndFollow(Target target, Credential credential, ObjectNode body) {
        return followToEnd(target, submit(credential, body));
    }

    /** The submission is terminal and so is every job (the webhook dispatch included). */
    public static boolean settled(JsonNode submission) {
        if (!TERMINAL_SUBMISSION.contains(submission.path("status").asText())) {
            return false;
        }
        for (JsonNode job : submission.path("jobs")) {
            if (!TERMINAL_JOB.contains(job.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** The submission is completed (its result and artifacts exist), whatever the webhook dispatch is doing. */
    public static boolean completed(JsonNode submission) {
        return TERMINAL_SUBMISSION.contains(submission.path("status").asText());
    }

    /**
     * The {@code jobs} of a submission detail; fails when the list is missing or empty (CONTRACT.md D3, D7: seven jobs exist from
     * the acceptance on), so a check that loops over them never passes by looping over nothing.
     */
    public static List<JsonNode> jobs(JsonNode submission) {
        JsonNode jobs = submission.path("jobs");
        if (!jobs.isArray() || jobs.isEmpty()) {
            throw new AssertionError("expected the submission's jobs to be a non-empty array (CONTRACT.md D3, D7: seven jobs from"
                    + " the acceptance on), got " + (jobs.isMissingNode() ? "no jobs field" : jobs.toString())
                    + ". Likely cause: the deployment lists jobs elsewhere or not at all. Submission: " + submission);
        }
        List<JsonNode> out = new java.util.ArrayList<>();
        jobs.forEach(out::add);
        return out;
    }

    /** The job summary of a type inside a submission detail; fails when there is none. */
    public static JsonNode job(JsonNode submission, String type) {
        for (JsonNode job : submission.path("jobs")) {
            if (type.equals(job.path("type").asText())) {
                return job;
            }
        }
        throw new AssertionError("the submission lists no job of type " + type + ": " + submission);
    }

    /**
     * The deployment's own account of the time from acceptance to the completed result: {@code write_artifacts}'
     * {@code completedAt} minus the 202's {@code createdAt} (server clock on both ends, so a manual clock counts too).
     */
    public static Duration timeToResult(Followed followed) {
        Instant accepted = followed.accepted().createdAt();
        Instant done = Json.instant(followed.job("pipeline.write_artifacts"), "completedAt");
        return accepted == null || done == null ? Duration.ZERO : Duration.between(accepted, done);
    }
}
