package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.assertj.core.api.SoftAssertions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ERR: the error envelope and the request id (CONTRACT.md D4, D10). Every error, whatever its cause, is
 * {@code {"error":{code, message, requestId, correlationId?, details?}}} with {@code requestId} equal to the
 * {@code x-request-id} header; a sent {@code x-request-id} (up to 200 characters) is echoed, else a new UUID is made;
 * a POST's {@code x-correlation-id} comes back as {@code error.correlationId}.
 */
@ConformanceTest
class ErrorEnvelopeChecks {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Check(id = "ERR-01", rule = "CONTRACT.md D4 (error envelope)", title = "Every read-side error (401, 403, 404, 400, 405) is the envelope with requestId = x-request-id",
            operation = "GET /v1/*", writes = false)
    void every_read_side_error_is_the_envelope(Target target) {
        Credential primary = target.primary();
        Map<String, Supplier<Response>> cases = new LinkedHashMap<>();
        cases.put("401 no key", () -> Api.givenInvalidAnonymous().get("/v1/partner-auth-probe"));
        cases.put("404 unknown submission", () -> Api.givenInvalid(primary).get("/v1/submissions/" + UUID.randomUUID()));
        cases.put("404 unknown job", () -> Api.givenInvalid(primary).get("/v1/jobs/" + UUID.randomUUID()));
        cases.put("404 unknown result", () -> Api.givenInvalid(primary).get("/v1/results/" + UUID.randomUUID()));
        cases.put("400 bad uuid", () -> Api.givenInvalid(primary).get("/v1/jobs/123"));
        cases.put("400 write probe without headers", () -> Api.givenInvalid(primary).post("/v1/partner-auth-probe"));
        cases.put("404 unknown route", () -> Api.givenInvalid(primary).get("/v1/unknown-route"));
        cases.put("405 wrong method", () -> Api.givenInvalid(primary).delete("/v1/submissions/" + UUID.randomUUID()));
        target.inactiveApiKey().ifPresent(key -> cases.put("403 inactive tenant",
                () -> Api.givenInvalid(new Credential(primary.partnerId(), key)).get("/v1/partner-auth-probe")));

        SoftAssertions softly = new SoftAssertions();
        cases.forEach((name, call) -> softly.check(() -> {
            Response response = call.get();
            try {
                assertThat(response.statusCode()).as("status").isEqualTo(Integer.parseInt(name.substring(0, 3)));
                ErrorEnvelope.assertEnvelope(response);
            } catch (AssertionError e) {
                throw new AssertionError(name + ": " + e.getMessage(), e);
            }
        }));
        softly.assertAll();
    }

    @Check(id = "ERR-02", rule = "CONTRACT.md D4 (error envelope)", title = "Every write-side error (400, 403, 409, 415) is the envelope with requestId and correlationId",
            operation = "POST /v1/submissions")
    void every_write_side_error_is_the_envelope_with_the_correlation_id(Credential primary) {
        String key = Api.newIdempotencyKey();
        Response accepted = Api.submit(primary, Fixtures.validSubmission(primary), key, Api.newCorrelationId());
        assertThat(accepted.statusCode()).as("set-up: a first submission with the key").isEqualTo(202);
        ObjectNode invalid = Fixtures.validSubmission(primary);
        invalid.remove("partnerSubjectId");
        ObjectNode mismatch = Fixtures.validSubmission(primary);
        mismatch.put("partnerId", UUID.randomUUID().toString());
        ObjectNode panel = Fixtures.validSubmission(primary);
        ((com.fasterxml.jackson.databind.node.ArrayNode) panel.path("markers")).remove(0);

        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("400 VALIDATION_ERROR schema", new Object[]{Api.newIdempotencyKey(), "application/json", Api.json(invalid)});
        cases.put("400 VALIDATION_ERROR malformed JSON", new Object[]{Api.newIdempotencyKey(), "application/json", "{\"schemaVersion\":"});
        cases.put("400 SUBMISSION_VALIDATION_ERROR", new Object[]{Api.newIdempotencyKey(), "application/json", Api.json(panel)});
        cases.put("403 PARTNER_ID_MISMATCH", new Object[]{Api.newIdempotencyKey(), "application/json", Api.json(mismatch)});
        cases.put("409 IDEMPOTENCY_CONFLICT", new Object[]{key, "application/json", Api.json(Fixtures.validSubmission(primary))});
        cases.put("415 UNSUPPORTED_MEDIA_TYPE", new Object[]{Api.newIdempotencyKey(), "text/plain", Api.json(Fixtures.validSubmission(primary))});

        SoftAssertions softly = new SoftAssertions();
        cases.forEach((name, request) -> softly.check(() -> {
            String correlationId = Api.newCorrelationId();
            Response response = Api.givenInvalid(primary).contentType((String) request[1])
                    .header("Idempotency-Key", (String) request[0]).header("x-correlation-id", correlationId)
                    .body(((String) request[2]).getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/v1/submissions");
            try {
                String[] expected = name.split(" ");
                JsonNode error = ErrorEnvelope.assertError(response, Integer.parseInt(expected[0]), expected[1]);
                assertThat(error.path("correlationId").asText()).as("error.correlationId").isEqualTo(correlationId);
            } catch (AssertionError e) {
                throw new AssertionError(name + ": " + e.getMessage(), e);
            }
        }));
        softly.assertAll();
    }

    @Check(id = "ERR-03", rule = "CONTRACT.md D10 (x-request-id); CONTRACT.md O11", title = "A sent x-request-id is echoed in the header, and as error.requestId on an error",
            operation = "GET /v1/submissions/{submissionId}", writes = false)
    void a_sent_request_id_is_echoed(Credential primary) {
        String requestId = "ct-req-" + UUID.randomUUID();

        Response ok = Api.givenAnonymous().header("x-request-id", requestId).get("/health");
        Response error = Api.givenInvalid(primary).header("x-request-id", requestId).get("/v1/submissions/" + UUID.randomUUID());

        assertThat(ok.header("x-request-id")).as("x-request-id of a 200").isEqualTo(requestId);
        assertThat(error.header("x-request-id")).as("x-request-id of a 404").isEqualTo(requestId);
        assertThat(ErrorEnvelope.assertError(error, 404, "NOT_FOUND").path("requestId").asText()).as("error.requestId")
                .isEqualTo(requestId);
    }

    @Check(id = "ERR-04", rule = "CONTRACT.md D10 (x-request-id); CONTRACT.md O11", title = "Without x-request-id every response gets a new UUID one", operation = "GET /health", writes = false)
    void a_request_id_is_made_when_none_is_sent(Credential primary) {
        String first = Api.givenAnonymous().get("/health").header("x-request-id");
        String second = Api.givenAnonymous().get("/health").header("x-request-id");
        Response error = Api.givenInvalid(primary).get("/v1/results/" + UUID.randomUUID());

        String third = error.header("x-request-id");
        assertThat(first).as("x-request-id of a 200 without one sent (CONTRACT.md D10: every response carries one)").isNotBlank();
        assertThat(second).as("x-request-id of another 200: a new one per response").isNotBlank().isNotEqualTo(first);
        assertThat(third).as("x-request-id of a 404: a new one per response").isNotBlank().isNotEqualTo(first).isNotEqualTo(second);
        warnUnlessUuid(first, second, third);
    }

    /** CONTRACT.md D10 says "a new uuid"; CONTRACT.md O11 leaves the format of a generated id open: another format is a finding. */
    private static void warnUnlessUuid(String... generated) {
        for (String id : generated) {
            if (id != null && !id.matches(UUID_PATTERN)) {
                Checks.warn("CONTRACT.md O11", "a generated x-request-id is not a UUID: " + id);
                return;
            }
        }
    }

    @Check(id = "ERR-05", rule = "CONTRACT.md D10 (x-request-id); CONTRACT.md O11", title = "An x-request-id over 200 characters is not echoed; a new one is made", operation = "GET /health",
            writes = false)
    void an_overlong_request_id_is_replaced() {
        String overlong = "r".repeat(201);
        String exactly200 = "s".repeat(200);

        assertThat(Api.givenAnonymous().header("x-request-id", exactly200).get("/health").header("x-request-id"))
                .as("x-request-id of 200 characters is echoed").isEqualTo(exactly200);
        String answered = Api.givenAnonymous().header("x-request-id", overlong).get("/health").header("x-request-id");
        assertThat(answered).as("x-request-id for a 201-character one: not echoed, a new one made").isNotBlank().isNotEqualTo(overlong);
        warnUnlessUuid(answered);
    }

    @Check(id = "ERR-06", rule = "CONTRACT.md D10 (x-request-id); CONTRACT.md O11", title = "Every success response carries x-request-id too (200, 202, 204, preflight)",
            operation = "GET /v1/partner-auth-probe", writes = false)
    void every_success_carries_a_request_id(Credential primary) {
        assertThat(Api.givenAnonymous().get("/health").header("x-request-id")).as("GET /health").isNotBlank();
        assertThat(Api.givenAnonymous().get("/openapi.json").header("x-request-id")).as("GET /openapi.json").isNotBlank();
        assertThat(Api.given(primary).get("/v1/partner-auth-probe").header("x-request-id")).as("GET probe (204)").isNotBlank();
        assertThat(Api.givenAnonymous().header("Origin", "https://portal.partner.example")
                .header("Access-Control-Request-Method", "POST").options("/v1/submissions").header("x-request-id"))
                .as("OPTIONS /v1/submissions").isNotBlank();
    }

    @Check(id = "ERR-07", rule = "CONTRACT.md D10 (x-request-id); CONTRACT.md O11", title = "The 202 of a submission carries x-request-id (and echoes a sent one)", operation = "POST /v1/submissions")
    void the_acceptance_carries_the_request_id(Credential primary) {
        String requestId = "ct-req-" + UUID.randomUUID();
        Response accepted = Api.given(primary).contentType(ContentType.JSON).header("x-request-id", requestId)
                .header("Idempotency-Key", Api.newIdempotencyKey()).header("x-correlation-id", Api.newCorrelationId())
                .body(Api.json(Fixtures.validSubmission(primary))).post("/v1/submissions");

        assertThat(accepted.statusCode()).as("status").isEqualTo(202);
        assertThat(accepted.header("x-request-id")).as("x-request-id of the 202").isEqualTo(requestId);
    }
}
