package com.iduscore.contract.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.checks.support.Json;
import com.iduscore.contract.checks.support.Pipeline;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.RunRecorder;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDEM: {@code Idempotency-Key} (CONTRACT.md D5). The same key and body replay the original 202 byte for byte with
 * {@code Idempotent-Replayed: true}; the body is compared as canonical JSON; another body is a 409; a 4xx is not
 * stored; concurrent requests create one submission; keys belong to one credential and last 24 hours.
 */
@ConformanceTest
class IdempotencyChecks {

    private static final String SUBMIT = "POST /v1/submissions";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Check(id = "IDEM-01", rule = "CONTRACT.md D5", title = "The same key and body replay the original 202 byte for byte, with Idempotent-Replayed: true",
            operation = SUBMIT)
    void the_same_key_and_body_replay_the_original_response(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        String key = Api.newIdempotencyKey();
        String correlationId = Api.newCorrelationId();

        Response first = Api.submit(primary, body, key, correlationId);
        Response replay = Api.submit(primary, body, key, correlationId);

        assertAccepted(first);
        assertThat(first.header(REPLAYED)).as("%s on the first acceptance", REPLAYED).isNull();
        assertReplayOf(replay, first);
    }

    @Check(id = "IDEM-02", rule = "CONTRACT.md D5", title = "The body is compared as canonical JSON: other key order and white space replay the original",
            operation = SUBMIT)
    void other_key_order_and_white_space_are_the_same_body(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        String key = Api.newIdempotencyKey();
        String correlationId = Api.newCorrelationId();
        Response first = Api.submit(primary, body, key, correlationId);
        assertAccepted(first);

        String reordered = prettyWithReversedKeys(body);
        assertThat(reordered).as("the reordered text differs from what was sent first").isNotEqualTo(Api.json(body));
        Response replay = Api.given(primary).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).header("x-correlation-id", correlationId)
                .body(reordered).post("/v1/submissions");

        assertReplayOf(replay, first);
    }

    @Check(id = "IDEM-03", rule = "CONTRACT.md D5", title = "The same key with another body answers 409 IDEMPOTENCY_CONFLICT and keeps the original",
            operation = SUBMIT)
    void the_same_key_with_another_body_conflicts(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        String key = Api.newIdempotencyKey();
        String correlationId = Api.newCorrelationId();
        Response first = Api.submit(primary, body, key, correlationId);
        assertAccepted(first);

        ObjectNode other = body.deepCopy();
        other.put("partnerSubjectId", "another-subject");
        String conflictCorrelation = Api.newCorrelationId();
        Response conflict = Api.submit(primary, other, key, conflictCorrelation);

        JsonNode error = ErrorEnvelope.assertError(conflict, 409, "IDEMPOTENCY_CONFLICT");
        assertThat(error.path("correlationId").asText()).as("error.correlationId of the 409").isEqualTo(conflictCorrelation);
        assertReplayOf(Api.submit(primary, body, key, correlationId), first);
    }

    @Check(id = "IDEM-04", rule = "CONTRACT.md D5", title = "A request that failed with 4xx is not stored: the same key then creates a submission",
            operation = SUBMIT)
    void a_request_that_failed_is_not_stored(Credential primary) {
        String key = Api.newIdempotencyKey();
        ObjectNode invalid = Fixtures.validSubmission(primary);
        invalid.remove("schemaVersion");
        ObjectNode mismatch = Fixtures.validSubmission(primary);
        mismatch.put("partnerId", java.util.UUID.randomUUID().toString());

        ErrorEnvelope.assertError(post(primary, invalid, key), 400, "VALIDATION_ERROR");
        ErrorEnvelope.assertError(post(primary, mismatch, key), 403, "PARTNER_ID_MISMATCH");
        ObjectNode valid = Fixtures.validSubmission(primary);
        String correlationId = Api.newCorrelationId();
        Response accepted = Api.submit(primary, valid, key, correlationId);

        assertAccepted(accepted);
        assertThat(accepted.header(REPLAYED)).as("%s after only failed requests with the key", REPLAYED).isNull();
        assertReplayOf(Api.submit(primary, valid, key, correlationId), accepted);
    }

    @Check(id = "IDEM-05", rule = "CONTRACT.md D5", title = "24 concurrent POSTs with one key and body create one submission; all get the same 202",
            operation = SUBMIT)
    void concurrent_requests_with_one_key_create_one_submission(Credential primary) throws Exception {
        int parallel = 24;
        ObjectNode body = Fixtures.validSubmission(primary);
        String key = Api.newIdempotencyKey();
        String correlationId = Api.newCorrelationId();
        Optional<CheckRecord> record = RunRecorder.current();
        CountDownLatch ready = new CountDownLatch(parallel);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                futures.add(pool.submit(() -> {
                    try (RunRecorder.Scope ignored = record.map(RunRecorder::bind).orElse(null)) {
                        ready.countDown();
                        go.await();
                        return Api.submit(primary, body, key, correlationId);
                    }
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }

            responses.forEach(IdempotencyChecks::assertAccepted);
            Response original = responses.stream().filter(r -> r.header(REPLAYED) == null).findFirst()
                    .orElseThrow(() -> new AssertionError("every one of the " + parallel
                            + " responses says Idempotent-Replayed: true; one of them created the submission"));
            assertThat(responses.stream().filter(r -> r.header(REPLAYED) == null).count())
                    .as("responses without %s (the one that created the submission)", REPLAYED).isEqualTo(1);
            for (Response response : responses) {
                assertThat(response.asString()).as("every concurrent response carries the same 202 body")
                        .isEqualTo(original.asString());
            }
            Pipeline.submission(primary, Json.body(original).path("submissionId").asText());
        } finally {
            pool.shutdownNow();
        }
    }

    @Check(id = "IDEM-06", rule = "CONTRACT.md D5", title = "Keys belong to one credential: the same key used by another credential creates a new submission",
            operation = SUBMIT)
    void keys_are_scoped_to_the_credential(Target target) {
        Checks.require(target.secondCredential().isPresent(), "no second credential of the tenant configured (IDUSCORE_SECOND_*)");
        Credential primary = target.primary();
        Credential second = target.secondCredential().orElseThrow();
        String key = Api.newIdempotencyKey();
        ObjectNode body = Fixtures.validSubmission(primary);
        Response first = Api.submit(primary, body, key, Api.newCorrelationId());
        assertAccepted(first);

        ObjectNode sameForSecond = body.deepCopy();
        sameForSecond.put("partnerId", second.partnerId());
        Response other = Api.submit(second, sameForSecond, key, Api.newCorrelationId());

        assertAccepted(other);
        assertThat(other.header(REPLAYED)).as("%s for another credential's first use of the key", REPLAYED).isNull();
        assertThat(Json.body(other).path("submissionId").asText()).as("submissionId for the other credential")
                .isNotEqualTo(Json.body(first).path("submissionId").asText());
    }

    @Check(id = "IDEM-07", rule = "CONTRACT.md D5", title = "A replay with another x-correlation-id still returns the original body, correlationId included",
            operation = SUBMIT)
    void a_replay_returns_the_original_correlation_id(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        String key = Api.newIdempotencyKey();
        String correlationId = Api.newCorrelationId();
        Response first = Api.submit(primary, body, key, correlationId);
        assertAccepted(first);

        Response replay = Api.submit(primary, body, key, Api.newCorrelationId());

        assertReplayOf(replay, first);
        assertThat(Json.body(replay).path("correlationId").asText()).as("correlationId of the replayed body")
                .isEqualTo(correlationId);
    }

    @Check(id = "IDEM-09", rule = "CONTRACT.md D5", title = "POST /v1/partner-auth-probe does not consume an Idempotency-Key", operation = SUBMIT)
    void the_write_probe_does_not_consume_a_key(Credential primary) {
        String key = Api.newIdempotencyKey();
        Response probe = Api.given(primary).header("Idempotency-Key", key).header("x-correlation-id", Api.newCorrelationId())
                .post("/v1/partner-auth-probe");
        assertThat(probe.statusCode()).as("status of the write probe").isEqualTo(204);

        Response accepted = Api.submit(primary, Fixtures.validSubmission(primary), key, Api.newCorrelationId());

        assertAccepted(accepted);
        assertThat(accepted.header(REPLAYED)).as("%s on the first submission with a key the probe saw", REPLAYED).isNull();
    }

    @Check(id = "IDEM-10", rule = "CONTRACT.md D4 (check order: validation before idempotency); CONTRACT.md D5", title = "Validation comes before idempotency: a used key with an invalid body answers 400, not 409",
            operation = SUBMIT)
    void validation_comes_before_the_idempotency_lookup(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        String key = Api.newIdempotencyKey();
        assertAccepted(Api.submit(primary, body, key, Api.newCorrelationId()));
        ObjectNode invalid = body.deepCopy();
        invalid.remove("schemaVersion");
        ObjectNode badPanel = body.deepCopy();
        ((ArrayNode) badPanel.path("markers")).remove(0);

        ErrorEnvelope.assertError(post(primary, invalid, key), 400, "VALIDATION_ERROR");
        ErrorEnvelope.assertError(post(primary, badPanel, key), 400, "SUBMISSION_VALIDATION_ERROR");
    }

    // ----------------------------------------------------------------------------------------------------------

    private static Response post(Credential credential, ObjectNode body, String key) {
        return Api.givenInvalid(credential).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).header("x-correlation-id", Api.newCorrelationId())
                .body(Api.json(body)).post("/v1/submissions");
    }

    private static void assertAccepted(Response response) {
        assertThat(response.statusCode()).as("status; body: %s", response.asString()).isEqualTo(202);
    }

    private static void assertReplayOf(Response replay, Response original) {
        assertThat(replay.statusCode()).as("status of the replay; body: %s", replay.asString()).isEqualTo(202);
        assertThat(replay.header(REPLAYED)).as("%s header of the replay", REPLAYED).isEqualTo("true");
        assertThat(replay.asString()).as("the replayed body is the original, byte for byte").isEqualTo(original.asString());
        assertThat(replay.asByteArray()).as("the replayed bytes").isEqualTo(original.asByteArray());
    }

    /** The same document with every object's keys in reverse order, indented, with spaces around the colons. */
    private static String prettyWithReversedKeys(JsonNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reversed(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            it.forEachRemaining(fields::add);
            ObjectNode out = Json.MAPPER.createObjectNode();
            for (int i = fields.size() - 1; i >= 0; i--) {
                out.set(fields.get(i).getKey(), reversed(fields.get(i).getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            node.forEach(item -> out.add(reversed(item)));
            return out;
        }
        return node;
    }
}
