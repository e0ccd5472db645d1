package com.iduscore.mock.admin;

import com.iduscore.mock.http.ContractValidation;
import com.iduscore.mock.server.IduScoreMockServer;
import com.iduscore.mock.server.MockServerConfig;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With {@code --admin-token}, every /__admin route needs the Bearer token; and the real clock cannot be moved. */
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
    void advancing_the_real_clock_answers_409_with_a_clear_message() {
        try (IduScoreMockServer mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0))) {
            RestAssured.port = mock.port();

            given().contentType(ContentType.JSON).body(Map.of("millis", Duration.ofMinutes(1).toMillis()))
                    .post("/__admin/iduscore/clock/advance").then()
                    .statusCode(409)
                    .body("error.code", equalTo("CLOCK_NOT_MANUAL"))
                    .body("error.message", org.hamcrest.Matchers.containsString("--clock manual"));
        }
    }
}
