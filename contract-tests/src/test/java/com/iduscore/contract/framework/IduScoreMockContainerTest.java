package com.iduscore.contract.framework;

import com.iduscore.contract.container.IduScoreMockContainer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.hamcrest.Matchers.equalTo;

/**
 * The mock image as a partner would use it. Skipped (with Testcontainers' reason) where no Docker engine runs;
 * needs {@code mvn -B package} first so the image can be built from {@code mock-server/Dockerfile}.
 */
@Testcontainers(disabledWithoutDocker = true)
class IduScoreMockContainerTest {

    @Container
    static final IduScoreMockContainer MOCK = new IduScoreMockContainer().withManualClock().withAdminToken("container-test");

    @Test
    void serves_health_and_accepts_a_demo_key_on_the_probe() {
        RestAssured.given().baseUri(MOCK.baseUrl()).get("/health").then().statusCode(200).body("status", equalTo("ok"));
        RestAssured.given().baseUri(MOCK.baseUrl()).header("X-Api-Key", "idu_demo_a1").get("/v1/partner-auth-probe")
                .then().statusCode(204);
    }

    @Test
    void moves_its_manual_clock_through_the_admin_api() {
        RestAssured.given().baseUri(MOCK.baseUrl()).header("Authorization", "Bearer container-test")
                .contentType("application/json").body("{\"millis\":60000}")
                .post("/__admin/iduscore/clock/advance").then().statusCode(200);
    }
}
