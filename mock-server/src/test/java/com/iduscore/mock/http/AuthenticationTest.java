package com.iduscore.mock.http;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static com.iduscore.mock.http.Fixtures.INACTIVE_KEY;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** Keys in both header forms, 401 and 403 on every /v1 route, and the auth probe (CONTRACT.md D4, D6, D10). */
@ExtendWith(RunningMock.class)
class AuthenticationTest {

    @Test
    void accepts_the_key_in_the_x_api_key_header() {
        given().header("X-Api-Key", DEMO_A1_KEY).get("/v1/partner-auth-probe").then().statusCode(204);
    }

    @Test
    void accepts_the_key_as_a_bearer_token() {
        given().header("Authorization", "Bearer " + DEMO_A1_KEY).get("/v1/partner-auth-probe").then().statusCode(204);
    }

    @Test
    void refuses_a_request_without_a_key_with_401_invalid_api_key() {
        Partner.anonymous().get("/v1/partner-auth-probe").then()
                .statusCode(401)
                .body("error.code", equalTo("INVALID_API_KEY"));
        Partner.anonymous().header("Authorization", "Basic " + DEMO_A1_KEY).get("/v1/partner-auth-probe").then()
                .statusCode(401);
    }

    @Test
    void refuses_an_unknown_key_with_401_invalid_api_key() {
        given().header("X-Api-Key", "idu_not_a_key").get("/v1/partner-auth-probe").then()
                .statusCode(401)
                .body("error.code", equalTo("INVALID_API_KEY"));
        given().header("Authorization", "Bearer idu_not_a_key").get("/v1/submissions/" + UUID.randomUUID()).then()
                .statusCode(401);
    }

    @Test
    void refuses_an_inactive_tenant_with_403_tenant_inactive_on_every_v1_route() {
        String id = UUID.randomUUID().toString();
        Partner.withKey(INACTIVE_KEY).get("/v1/partner-auth-probe").then()
                .statusCode(403).body("error.code", equalTo("TENANT_INACTIVE"));
        Partner.write(INACTIVE_KEY, "k-inactive").post("/v1/partner-auth-probe").then()
                .statusCode(403).body("error.code", equalTo("TENANT_INACTIVE"));
        Partner.submit(INACTIVE_KEY, Fixtures.completeSubmission()).then()
                .statusCode(403).body("error.code", equalTo("TENANT_INACTIVE"));
        for (String path : new String[]{"/v1/submissions/", "/v1/jobs/", "/v1/results/"}) {
            Partner.withKey(INACTIVE_KEY).get(path + id).then()
                    .statusCode(403).body("error.code", equalTo("TENANT_INACTIVE"));
        }
    }

    @Test
    void the_write_probe_answers_204_when_the_key_and_both_write_headers_are_valid() {
        Partner.write(DEMO_A1_KEY, "probe-key-1").post("/v1/partner-auth-probe").then().statusCode(204);
    }

    @Test
    void the_write_probe_names_each_missing_write_header() {
        Partner.invalid(DEMO_A1_KEY).contentType(ContentType.JSON).post("/v1/partner-auth-probe").then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fieldErrors", aMapWithSize(2))
                .body("error.details.fieldErrors", hasKey("headers.x-correlation-id"))
                .body("error.details.fieldErrors", hasKey("headers.idempotency-key"));
        Partner.invalid(DEMO_A1_KEY).header("Idempotency-Key", "k").header("x-correlation-id", " ")
                .post("/v1/partner-auth-probe").then()
                .statusCode(400)
                .body("error.details.fieldErrors", aMapWithSize(1))
                .body("error.details.fieldErrors", hasKey("headers.x-correlation-id"));
    }

    @Test
    void the_write_probe_checks_the_key_before_the_write_headers() {
        Partner.anonymous().post("/v1/partner-auth-probe").then().statusCode(401);
    }
}
