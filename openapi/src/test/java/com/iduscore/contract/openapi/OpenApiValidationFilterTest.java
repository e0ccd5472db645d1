package com.iduscore.contract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The filter over real HTTP: a JDK server on 127.0.0.1 answers whatever the test plants, and the filter judges it.
 */
class OpenApiValidationFilterTest {

    private static final String ACCEPTED = """
            {"submissionId":"3f6c1a2e-9d4b-4c8e-a1f7-2b5d8e9c0a13","jobId":"5b1e7c3a-2f4d-4a6b-8c9e-0f1a2b3c4d01",\
            "partnerSubmissionId":"hy-sub-0001","status":"received","statusLabel":"Received","correlationId":"corr-1",\
            "createdAt":"2026-04-20T09:00:01.120Z"}""";

    private HttpServer server;
    private final AtomicReference<Planted> planted = new AtomicReference<>();

    record Planted(int status, Map<String, String> headers, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Planted answer = planted.get();
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void accepts_a_conforming_submission_and_its_acceptance() {
        plant(202, json("x-request-id", "req-1"), ACCEPTED);
        assertThatCode(() -> validPost(new OpenApiValidationFilter()).then().statusCode(202)).doesNotThrowAnyException();
    }

    @Test
    void rejects_an_acceptance_missing_a_required_field() {
        plant(202, json("x-request-id", "req-1"), ACCEPTED.replace("\"jobId\":\"5b1e7c3a-2f4d-4a6b-8c9e-0f1a2b3c4d01\",", ""));
        assertThatThrownBy(() -> validPost(new OpenApiValidationFilter()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("OpenAPI contract violated by POST /v1/submissions -> 202 (1 violation):")
                .hasMessageContaining("required property 'jobId' not found");
    }

    @Test
    void rejects_an_acceptance_with_an_undocumented_field() {
        plant(202, json("x-request-id", "req-1"), ACCEPTED.replace("}", ",\"tenantId\":\"demo-a\"}"));
        assertThatThrownBy(() -> validPost(new OpenApiValidationFilter()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("property 'tenantId' is not defined");
    }

    @Test
    void rejects_an_acceptance_whose_submission_id_is_not_a_uuid() {
        plant(202, json("x-request-id", "req-1"), ACCEPTED.replace("3f6c1a2e-9d4b-4c8e-a1f7-2b5d8e9c0a13", "sub_123"));
        assertThatThrownBy(() -> validPost(new OpenApiValidationFilter()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("uuid")
                .hasMessageContaining("/submissionId");
    }

    @Test
    void rejects_a_response_without_the_request_id_header_and_lists_each_violation_on_its_own_line() {
        plant(202, Map.of("Content-Type", "application/json"), ACCEPTED.replace("\"status\":\"received\"", "\"status\":\"queued\""));
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> validPost(new OpenApiValidationFilter()));
        assertThat(failure).isInstanceOf(AssertionError.class);
        List<String> lines = failure.getMessage().lines().toList();
        assertThat(lines.get(0)).isEqualTo("OpenAPI contract violated by POST /v1/submissions -> 202 (2 violations):");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  - [response]").contains("x-request-id"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  - [response]").contains("enumeration"));
    }

    @Test
    void rejects_an_undocumented_status() {
        plant(418, json("x-request-id", "req-1"), "{\"error\":{\"code\":\"TEAPOT\",\"message\":\"no\",\"requestId\":\"req-1\"}}");
        assertThatThrownBy(() -> validPost(new OpenApiValidationFilter()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Response status 418 not defined");
    }

    @Test
    void judges_the_request_unless_told_to_check_responses_only() {
        String error = "{\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Missing required write headers\",\"requestId\":\"req-2\","
                + "\"details\":{\"formErrors\":[],\"fieldErrors\":{\"headers.idempotency-key\":[\"Required non-empty header\"]}}}}";
        plant(400, json("x-request-id", "req-2"), error);

        assertThatThrownBy(() -> postWithoutIdempotencyKey(new OpenApiValidationFilter()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[request] Header parameter 'Idempotency-Key' is required");
        assertThatCode(() -> postWithoutIdempotencyKey(OpenApiValidationFilter.responsesOnly()).then().statusCode(400))
                .doesNotThrowAnyException();
        assertThat(OpenApiValidationFilter.responsesOnly().validatesRequests()).isFalse();
    }

    @Test
    void judges_request_bodies_with_the_canonical_schema_including_its_conditionals() {
        plant(202, json("x-request-id", "req-11"), ACCEPTED);
        assertThatThrownBy(() -> given(new OpenApiValidationFilter())
                .header("X-Api-Key", "idu_demo_a1")
                .header("Idempotency-Key", "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a")
                .header("x-correlation-id", "corr-11")
                .contentType("application/json")
                .body(Fixtures.bytes("submissions/invalid/current-frequency-for-former-smoker.json"))
                .post("/v1/submissions"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[request]")
                .hasMessageContaining("/subject/history/smoking/currentFrequency");
    }

    @Test
    void the_request_validator_accepts_the_nulls_and_not_applicable_values_the_smoking_branches_allow() {
        // the same verdict as SchemaValidator (networknt) and the mock: a null or -1 counts as absent in the branches
        ObjectNode former = (ObjectNode) Fixtures.complete();
        ObjectNode smoking = (ObjectNode) former.at("/subject/history/smoking");
        smoking.putNull("currentFrequency");
        smoking.putNull("currentCigsPerDay");
        ObjectNode notApplicable = former.deepCopy();
        ((ObjectNode) notApplicable.at("/subject/history/smoking")).put("currentCigsPerDay", -1);
        ObjectNode current = former.deepCopy();
        ((ObjectNode) current.at("/subject/history")).set("smoking", Fixtures.JSON.createObjectNode()
                .put("status", "current").put("currentFrequency", "light").put("currentCigsPerDay", 4)
                .putNull("stopAge"));
        ObjectNode never = former.deepCopy();
        ((ObjectNode) never.at("/subject/history")).set("smoking", Fixtures.JSON.createObjectNode()
                .put("status", "never").putNull("pastFrequency").put("stopAge", -1));
        plant(202, json("x-request-id", "req-12"), ACCEPTED);

        for (JsonNode body : List.of(former, notApplicable, current, never)) {
            assertThat(SchemaValidator.shared().validate("CanonicalSubmissionV1", body)).as("networknt on %s", body.at("/subject/history/smoking"))
                    .isEmpty();
            assertThatCode(() -> given(new OpenApiValidationFilter())
                    .header("X-Api-Key", "idu_demo_a1")
                    .header("Idempotency-Key", "6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c")
                    .header("x-correlation-id", "corr-12")
                    .contentType("application/json")
                    .body(body.toString())
                    .post("/v1/submissions").then().statusCode(202))
                    .as("the request validator on %s", body.at("/subject/history/smoking")).doesNotThrowAnyException();
        }
        ((ObjectNode) current.at("/subject/history/smoking")).put("stopAge", 40);
        assertThatThrownBy(() -> given(new OpenApiValidationFilter())
                .header("X-Api-Key", "idu_demo_a1")
                .header("Idempotency-Key", "7f6e5d4c-3b2a-4198-8e7d-6c5b4a3f2e1d")
                .header("x-correlation-id", "corr-13")
                .contentType("application/json")
                .body(current.toString())
                .post("/v1/submissions"))
                .as("a stopAge for a current smoker is still refused").isInstanceOf(AssertionError.class)
                .hasMessageContaining("[request]")
                .hasMessageContaining("/subject/history/smoking/stopAge");
    }

    @Test
    void responses_only_still_rejects_a_malformed_error_envelope() {
        plant(401, json("x-request-id", "req-3"), "{\"error\":{\"code\":\"INVALID_API_KEY\",\"message\":\"Invalid or expired API key\"}}");
        assertThatThrownBy(() -> given(OpenApiValidationFilter.responsesOnly()).get("/v1/jobs/5b1e7c3a-2f4d-4a6b-8c9e-0f1a2b3c4d05"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /v1/jobs/5b1e7c3a-2f4d-4a6b-8c9e-0f1a2b3c4d05 -> 401")
                .hasMessageContaining("requestId");
    }

    @Test
    void an_error_request_id_must_equal_the_x_request_id_header() {
        plant(404, json("x-request-id", "req-4"), "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Job not found\",\"requestId\":\"req-other\"}}");
        assertThatThrownBy(() -> given(new OpenApiValidationFilter()).header("X-Api-Key", "idu_demo_a1")
                .get("/v1/jobs/5b1e7c3a-2f4d-4a6b-8c9e-0f1a2b3c4d05"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("error.requestId 'req-other' differs from the x-request-id header 'req-4'");
    }

    @Test
    void routes_outside_the_contract_pass_with_an_error_envelope_and_fail_without_one() {
        plant(404, json("x-request-id", "req-5"), "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Route not found\",\"requestId\":\"req-5\"}}");
        assertThatCode(() -> given(new OpenApiValidationFilter()).get("/v2/unknown").then().statusCode(404)).doesNotThrowAnyException();

        plant(405, json("x-request-id", "req-6"), "{\"error\":{\"code\":\"METHOD_NOT_ALLOWED\",\"message\":\"Use GET, POST or OPTIONS\",\"requestId\":\"req-6\"}}");
        assertThatCode(() -> given(new OpenApiValidationFilter()).delete("/v1/submissions").then().statusCode(405)).doesNotThrowAnyException();

        plant(404, json("x-request-id", "req-7"), "{\"message\":\"Not Found\"}");
        assertThatThrownBy(() -> given(new OpenApiValidationFilter()).get("/v2/unknown"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /v2/unknown is not in the contract, so its error body must be an ErrorEnvelope");
    }

    @Test
    void mock_only_routes_with_non_error_bodies_pass() {
        plant(200, Map.of("Content-Type", "application/pdf", "x-request-id", "req-8"), "%PDF-1.7 fake");
        assertThatCode(() -> given(new OpenApiValidationFilter()).get("/_mock/artifacts/20000000-0000-4000-8000-000000000001?expires=1776675645&signature=ab12")
                .then().statusCode(200)).doesNotThrowAnyException();

        plant(200, json("x-request-id", "req-9"), "{\"now\":\"2026-04-20T09:00:00Z\"}");
        assertThatCode(() -> given(new OpenApiValidationFilter()).get("/__admin/iduscore/clock").then().statusCode(200))
                .doesNotThrowAnyException();
    }

    @Test
    void a_preflight_needs_no_key_but_all_its_cors_headers() {
        Map<String, String> cors = new LinkedHashMap<>();
        cors.put("x-request-id", "req-10");
        cors.put("Access-Control-Allow-Origin", "*");
        cors.put("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        cors.put("Access-Control-Allow-Headers", "Authorization, X-Api-Key, Content-Type, Idempotency-Key, x-correlation-id, x-request-id");
        cors.put("Access-Control-Expose-Headers", "x-request-id, Idempotent-Replayed, Retry-After");
        cors.put("Access-Control-Max-Age", "600");
        plant(204, cors, null);
        assertThatCode(() -> given(new OpenApiValidationFilter()).options("/v1/results/anything").then().statusCode(204))
                .doesNotThrowAnyException();

        cors.remove("Access-Control-Max-Age");
        plant(204, cors, null);
        assertThatThrownBy(() -> given(new OpenApiValidationFilter()).options("/v1/results/anything"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Access-Control-Max-Age");
    }

    @Test
    void the_plain_method_judges_an_exchange_without_rest_assured_in_the_loop() {
        Map<String, List<String>> responseHeaders = Map.of("Content-Type", List.of("application/json"), "x-request-id", List.of("r"));
        assertThat(OpenApiValidationFilter.violations("GET", "/health", Map.of(), null, 200, responseHeaders,
                "{\"status\":\"ok\",\"timestamp\":\"2026-04-27T00:00:00.000Z\"}".getBytes(StandardCharsets.UTF_8), true)).isEmpty();
        assertThat(OpenApiValidationFilter.violations("get", "http://127.0.0.1:8080/health?verbose=1", Map.of(), null, 200, responseHeaders,
                "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8), false))
                .singleElement().asString().contains("timestamp");
    }

    @Test
    void violations_name_the_header_or_parameter_at_fault() {
        String limited = "{\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"Rate limit exceeded\",\"requestId\":\"r\"}}";
        assertThat(OpenApiValidationFilter.violations("GET", "/v1/jobs/not-a-uuid", Map.of("X-Api-Key", List.of("idu_demo_a1")), null, 429,
                Map.of("Content-Type", List.of("application/json"), "x-request-id", List.of("r"), "Retry-After", List.of("soon")),
                limited.getBytes(StandardCharsets.UTF_8), true))
                .containsExactlyInAnyOrder(
                        "[request] path parameter 'jobId': does not match the uuid pattern must be a valid RFC 4122 UUID"
                                + " (validation.request.parameter.schema.format.uuid)",
                        "[response] header Retry-After='soon': string found, integer expected (validation.response.header.schema.type)");
    }

    @Test
    void a_webhook_delivery_is_judged_against_the_result_ready_entry_under_either_header_prefix() {
        byte[] event = OpenApiContract.document().at("/components/schemas/ResultReadyWebhookEvent/example").toString()
                .getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> idunox = Map.of("Content-Type", List.of("application/json"),
                "X-Idunox-Event", List.of("result.ready"), "X-Idunox-Delivery-Id", List.of("4a7c9e1b-3d5f-4b8a-9c2e-6f0a1b2c3d4e"),
                "X-Idunox-Timestamp", List.of("1776675645"), "X-Idunox-Signature", List.of("v1=0a1b2c"));
        Map<String, List<String>> lab = Map.of("Content-Type", List.of("application/json"),
                "X-IduScore-Event", List.of("result.ready"), "X-IduScore-Delivery-Id", List.of("4a7c9e1b-3d5f-4b8a-9c2e-6f0a1b2c3d4e"),
                "X-IduScore-Timestamp", List.of("1776675645"), "X-IduScore-Signature", List.of("v1=0a1b2c"), "X-Api-Key", List.of("whk_1"));
        OpenApiInteractionChecker checker = OpenApiInteractionChecker.shared();

        assertThat(checker.webhookViolations("result.ready", idunox, event)).isEmpty();
        assertThat(checker.webhookViolations("result.ready", lab, event)).isEmpty();
        assertThat(checker.webhookViolations("result.ready", Map.of("Content-Type", List.of("application/json"),
                "X-Idunox-Event", List.of("result.ready"), "X-Idunox-Delivery-Id", List.of("4a7c9e1b-3d5f-4b8a-9c2e-6f0a1b2c3d4e"),
                "X-Idunox-Timestamp", List.of("1776675645"), "X-Idunox-Signature", List.of("sha256=0a1b2c")),
                "{\"eventType\":\"result.ready\"}".getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(v -> assertThat(v).startsWith("[webhook result.ready]").contains("X-Idunox-Signature"))
                .anySatisfy(v -> assertThat(v).contains("required property 'resultId' not found"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void plant(int status, Map<String, String> headers, String body) {
        planted.set(new Planted(status, headers, body));
    }

    private static Map<String, String> json(String header, String value) {
        return Map.of("Content-Type", "application/json", header, value);
    }

    private RequestSpecification given(OpenApiValidationFilter filter) {
        return RestAssured.given()
                .baseUri("http://127.0.0.1")
                .port(server.getAddress().getPort())
                .filter(filter);
    }

    private io.restassured.response.Response validPost(OpenApiValidationFilter filter) {
        return given(filter)
                .header("X-Api-Key", "idu_demo_a1")
                .header("Idempotency-Key", "3b2f6c1d-0e9a-4b8c-9d7e-6f5a4b3c2d1e")
                .header("x-correlation-id", "corr-1")
                .contentType("application/json")
                .body(Fixtures.bytes("submissions/valid/complete.json"))
                .post("/v1/submissions");
    }

    private io.restassured.response.Response postWithoutIdempotencyKey(OpenApiValidationFilter filter) {
        return given(filter)
                .header("Authorization", "Bearer idu_demo_a1")
                .header("x-correlation-id", "corr-2")
                .contentType("application/json")
                .body(Fixtures.bytes("submissions/valid/complete.json"))
                .post("/v1/submissions");
    }
}
