package com.iduscore.mock.admin;

import com.iduscore.mock.http.ContractValidation;
import com.iduscore.mock.server.IduScoreMockServer;
import com.iduscore.mock.server.MockServerConfig;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With {@code --admin-token}, every /__admin route needs the Bearer token; and the real clock moves by an offset. */
class AdminTokenTest {

    @BeforeAll
    static void validateAgainstTheContract() {
        ContractValidation.registerOnce();
        RestAssured.baseURI = "http://127.0.0.1";
    }

    @Test
    void with_an_admin_token_every_admin_route_needs_the_bearer_token() {
        try (IduScoreMockServer mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0)
                .withAdminToken("s3cret-admin"))) {
            RestAssured.port = mock.port();

            given().get("/__admin/iduscore/clock").then().statusCode(401);
            given().header("Authorization", "Bearer wrong").get("/__admin/iduscore/clock").then().statusCode(401);
            given().header("Authorization", "Bearer wrong").post("/__admin/iduscore/reset").then().statusCode(401);
            given().get("/__admin/mappings").then().statusCode(401);

            given().header("Authorization", "Bearer s3cret-admin").get("/__admin/iduscore/clock").then().statusCode(200);
            given().get("/health").then().statusCode(200);
        }
    }

    @Test
    void a_refused_admin_token_answers_the_error_envelope_with_the_request_id() {
        try (IduScoreMockServer mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0)
                .withAdminToken("s3cret-admin"))) {
            RestAssured.port = mock.port();

            for (String path : new String[]{"/__admin/iduscore/clock", "/__admin/mappings"}) {
                given().header("x-request-id", "req-admin-401").header("Authorization", "Bearer wrong").get(path).then()
                        .statusCode(401)
                        .contentType("application/json")
                        .header("x-request-id", "req-admin-401")
                        .body("error.code", equalTo("INVALID_API_KEY"))
                        .body("error.message", containsString("--admin-token"))
                        .body("error.requestId", equalTo("req-admin-401"));
            }
        }
    }

    @Test
    void advancing_the_real_clock_moves_it_forward_as_an_offset() {
        try (IduScoreMockServer mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0))) {
            RestAssured.port = mock.port();

            given().contentType(ContentType.JSON).body(Map.of("millis", Duration.ofHours(2).toMillis()))
                    .post("/__admin/iduscore/clock/advance").then()
                    .statusCode(200)
                    .body("mode", equalTo("real"))
                    .body("offsetMillis", equalTo((int) Duration.ofHours(2).toMillis()));

            Instant now = Instant.parse(given().get("/__admin/iduscore/clock").then().statusCode(200)
                    .body("mode", equalTo("real")).extract().path("now"));
            assertThat(Duration.between(Instant.now(), now)).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
        }
    }
}
