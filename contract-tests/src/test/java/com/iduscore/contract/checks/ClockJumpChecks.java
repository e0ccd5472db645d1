package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.checks.support.Json;
import com.iduscore.contract.checks.support.Pipeline;
import com.iduscore.contract.checks.support.Scenarios;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.junit.Locks;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.target.TargetKind;
import io.restassured.response.Response;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks of several groups (ART, IDEM, LIFE) that need the target's clock to themselves: they jump it by hours (the
 * 24-hour idempotency window, the one-hour URL lifetime, an SLA), or need it to stand still between two reads (the
 * short pending state of artifacts). The class holds {@link Locks#CLOCK} exclusively; every class that polls holds it
 * for reading, so nothing else moves the clock while these run. On a real deployment the jumps would be real waits:
 * those checks are skipped there.
 */
@ConformanceTest
@ResourceLock(value = Locks.CLOCK, mode = ResourceAccessMode.READ_WRITE)
class ClockJumpChecks {

    private static final String MANUAL_CLOCK = "needs the mock's manual clock (on a real deployment this is a real wait)";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Check(id = "ART-01", rule = "CONTRACT.md D7 (artifacts pending until write_artifacts); CONTRACT.md D8", title = "Artifacts are pending with null access until write_artifacts succeeds",
            operation = "GET /v1/results/{resultId}")
    void artifacts_are_pending_until_written(Target target) {
        Credential primary = target.primary();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Pipeline.Accepted accepted = Pipeline.submit(primary, Fixtures.validSubmission(primary));
            Pipeline.Followed run = Pipeline.followUntil(target, accepted, s -> s.path("resultId").isTextual());
            JsonNode result = Pipeline.result(primary, run.resultId());
            JsonNode after = Pipeline.submission(primary, accepted.submissionId());
            if (!written(after)) {
                JsonNode items = result.path("artifacts").path("items");
                assertThat(items.size()).as("artifact items listed before write_artifacts succeeded: %s", result).isPositive();
                for (JsonNode item : items) {
                    assertThat(item.path("availability").asText()).as("availability before write_artifacts: %s", item).isEqualTo("pending");
                    assertThat(item.path("access").path("downloadUrl").isNull()).as("downloadUrl while pending: %s", item).isTrue();
                    assertThat(item.path("access").path("expiresAt").isNull()).as("expiresAt while pending: %s", item).isTrue();
                }
                assertThat(result.path("status").asText()).as("result status while artifacts are pending").isNotEqualTo("completed");
                return;
            }
            // write_artifacts finished between the two reads: try again with a new submission
        }
        Checks.skip("write_artifacts finished before the result could be read, three times; the pending state was not observable");
    }

    @Check(id = "ART-08", rule = "CONTRACT.md D8 (artifacts)", title = "A download URL answers 403 FORBIDDEN once expired; the result then hands out a fresh one",
            operation = "GET {artifact downloadUrl}")
    void an_expired_url_is_forbidden_and_a_fresh_one_works(Target target) {
        Checks.require(target.kind() != TargetKind.URL, "waiting an hour for a URL to expire " + MANUAL_CLOCK);
        ResultChecks.Completed completed = ResultChecks.complete(target, Fixtures.validSubmission(target.primary()));
        String url = ArtifactChecks.fresh(completed.result(), "html");
        assertThat(ArtifactChecks.download(url).statusCode()).as("the fresh URL downloads").isEqualTo(200);

        target.advance(Duration.ofHours(1).plusSeconds(5));

        ErrorEnvelope.assertError(ArtifactChecks.download(url), 403, "FORBIDDEN");
        assertThat(ArtifactChecks.download(ArtifactChecks.fresh(completed.result(), "html")).statusCode())
                .as("a URL from a new GET of the result downloads").isEqualTo(200);
    }

    @Check(id = "IDEM-08", rule = "CONTRACT.md D5", title = "A key lasts 24 hours: replayed just before, a new submission just after",
            operation = "POST /v1/submissions")
    void a_key_expires_after_24_hours(Target target) {
        Checks.require(target.kind() != TargetKind.URL, "moving 24 hours " + MANUAL_CLOCK);
        Credential primary = target.primary();
        ObjectNode body = Fixtures.validSubmission(primary);
        String key = Api.newIdempotencyKey();
        String correlationId = Api.newCorrelationId();
        Response first = Api.submit(primary, body, key, correlationId);
        assertThat(first.statusCode()).as("status of the first POST; body: %s", first.asString()).isEqualTo(202);

        target.advance(Duration.ofHours(24).minusMinutes(1));
        Response replay = Api.submit(primary, body, key, correlationId);
        assertThat(replay.statusCode()).as("status just inside the window").isEqualTo(202);
        assertThat(replay.header(REPLAYED)).as("%s just inside the window", REPLAYED).isEqualTo("true");
        assertThat(replay.asString()).as("the replayed body").isEqualTo(first.asString());

        target.advance(Duration.ofMinutes(2));
        Response after = Api.submit(primary, body, key, correlationId);
        assertThat(after.statusCode()).as("status after the window; body: %s", after.asString()).isEqualTo(202);
        assertThat(after.header(REPLAYED)).as("%s after the 24-hour window", REPLAYED).isNull();
        assertThat(Json.body(after).path("submissionId").asText()).as("submissionId after the window")
                .isNotEqualTo(Json.body(first).path("submissionId").asText());
    }

    @Check(id = "LIFE-23", rule = "CONTRACT.md D7 (slaBreached); CONTRACT.md D12 (scenario triggers)", title = "A step that outlasts its SLA is marked slaBreached and still completes",
            operation = "GET /v1/submissions/{submissionId}")
    void a_step_past_its_deadline_is_marked_breached(Target target) {
        Scenarios.require(target);
        Pipeline.Accepted accepted = Pipeline.submit(target.primary(), Fixtures.validSubmission(target.primary(), "sim-sla-breach-"));
        Pipeline.Followed running = Pipeline.followUntil(target, accepted, s -> {
            String status = Pipeline.job(s, "pipeline.run_inference").path("status").asText();
            return !"pending".equals(status) && !"queued".equals(status);
        });
        JsonNode inference = running.job("pipeline.run_inference");
        Instant deadline = Json.instant(inference, "slaDeadlineAt");
        assertThat(deadline).as("slaDeadlineAt of the running inference").isNotNull();

        Duration untilBreached = Duration.between(Json.instant(inference, "queuedAt"), deadline).plusSeconds(1);
        // on a deployment with a real clock advancing is waiting: only as long as the result timeout allows
        Checks.require(target.kind() != TargetKind.URL || untilBreached.compareTo(target.resultTimeout()) <= 0,
                "the SLA of run_inference ends in " + untilBreached + ", beyond IDUSCORE_RESULT_TIMEOUT " + target.resultTimeout());
        target.advance(untilBreached);
        Pipeline.Followed run = Pipeline.followToEnd(target, accepted);

        JsonNode breached = run.job("pipeline.run_inference");
        assertThat(breached.path("slaBreached").asBoolean()).as("slaBreached of run_inference: %s", breached).isTrue();
        assertThat(Json.instant(breached, "completedAt")).as("completedAt after the deadline").isAfter(deadline);
        assertThat(run.status()).as("final status").isEqualTo("completed");
    }

    private static boolean written(JsonNode submission) {
        return "succeeded".equals(Pipeline.job(submission, "pipeline.write_artifacts").path("status").asText());
    }
}
