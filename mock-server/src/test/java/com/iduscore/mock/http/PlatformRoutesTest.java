package com.iduscore.mock.http;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/** Health, readiness, the OpenAPI document, request ids, CORS, and the answers for unknown routes and methods (CONTRACT.md D10, D4). */
@ExtendWith(RunningMock.class)
class PlatformRoutesTest {
    private static final String MILLIS_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void health_answers_ok_with_a_millisecond_timestamp() {
        given().get("/health").then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("ok"))
                .body("timestamp", matchesPattern(MILLIS_INSTANT));
    }

    @Test
    void readiness_answers_ok_until_the_ready_fault_is_switched_off() {
        given().get("/health/ready").then().statusCode(200).body("status", equalTo("ok"));

        Admin.faults(Map.of("ready", false));

        given().get("/health/ready").then()
                .statusCode(503)
                .body("status", equalTo("unavailable"))
                .body("timestamp", matchesPattern(MILLIS_INSTANT));
    }

    @Test
    void openapi_json_serves_the_merged_document_as_json() {
        given().get("/openapi.json").then()
                .statusCode(200)
                .contentType("application/json")
                .body("openapi", startsWith("3.1"))
                .body("paths.'/v1/submissions'.post.operationId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void openapi_yaml_serves_the_same_document_as_yaml() {
        String yaml = given().get("/openapi.yaml").then()
                .statusCode(200)
                .contentType("application/yaml")
                .extract().asString();
        assertThat(yaml).contains("openapi: 3.1").contains("/v1/submissions:");
    }

    @Test
    void every_response_echoes_the_request_id_it_was_sent() {
        for (String path : new String[]{"/health", "/v1/partner-auth-probe", "/nowhere"}) {
            Partner.anonymous().header("x-request-id", "req-echo-1").get(path).then().header("x-request-id", "req-echo-1");
        }
    }

    @Test
    void a_request_without_a_request_id_gets_a_new_uuid() {
        given().get("/health").then().header("x-request-id", matchesPattern(UUID_SHAPE));
    }

    @Test
    void a_request_id_longer_than_200_characters_is_replaced_by_a_new_uuid() {
        String tooLong = "r".repeat(201);
        Partner.anonymous().header("x-request-id", tooLong).get("/health").then()
                .header("x-request-id", matchesPattern(UUID_SHAPE));
        String longest = "r".repeat(200);
        given().header("x-request-id", longest).get("/health").then().header("x-request-id", longest);
    }

    @Test
    void an_error_carries_the_request_id_of_its_response_and_the_correlation_id_of_its_request() {
        Response response = Partner.withKey(DEMO_A1_KEY)
                .header("x-correlation-id", "corr-read-42")
                .get("/v1/submissions/" + UUID.randomUUID());

        response.then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.correlationId", equalTo("corr-read-42"));
        assertThat(response.<String>path("error.requestId")).isEqualTo(response.header("x-request-id"));
    }

    @Test
    void an_error_without_a_correlation_id_in_the_request_has_none() {
        Response response = Partner.anonymous().get("/v1/partner-auth-probe");

        response.then().statusCode(401);
        assertThat(response.jsonPath().getMap("error")).doesNotContainKey("correlationId");
    }

    @Test
    void unknown_routes_answer_404_not_found() {
        given().get("/nowhere").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        Partner.withKey(DEMO_A1_KEY).get("/v1/nothing-here").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        Partner.invalid(DEMO_A1_KEY).get("/v1/submissions/").then().statusCode(404);
    }

    @Test
    void a_known_path_with_another_method_answers_405_with_the_allowed_methods() {
        Partner.withKey(DEMO_A1_KEY).delete("/v1/submissions").then()
                .statusCode(405)
                .header("Allow", "POST, OPTIONS")
                .body("error.code", equalTo("METHOD_NOT_ALLOWED"));
        Partner.withKey(DEMO_A1_KEY).put("/v1/jobs/" + UUID.randomUUID()).then()
                .statusCode(405)
                .header("Allow", "GET, OPTIONS");
        given().post("/health").then().statusCode(405).header("Allow", "GET");
    }

    @Test
    void a_preflight_on_any_v1_path_needs_no_key_and_answers_204_with_the_cors_headers() {
        for (String path : new String[]{"/v1/submissions", "/v1/results/" + UUID.randomUUID(), "/v1/partner-auth-probe"}) {
            given().header("Origin", "https://partner.example")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "x-api-key, content-type")
                    .options(path).then()
                    .statusCode(204)
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                    .header("Access-Control-Allow-Headers",
                            "Authorization, X-Api-Key, Content-Type, Idempotency-Key, x-correlation-id, x-request-id")
                    .header("Access-Control-Expose-Headers", "x-request-id, Idempotent-Replayed, Retry-After")
                    .header("Access-Control-Max-Age", "600")
                    .header("x-request-id", matchesPattern(UUID_SHAPE));
        }
    }

    @Test
    void partner_responses_let_a_browser_read_them() {
        Partner.withKey(DEMO_A1_KEY).get("/v1/partner-auth-probe").then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", "x-request-id, Idempotent-Replayed, Retry-After");
        Partner.anonymous().get("/v1/partner-auth-probe").then()
                .statusCode(401)
                .header("Access-Control-Allow-Origin", "*");
    }
}
