package com.iduscore.mock.http;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The admin API as tests call it, against the mock REST Assured points at. */
public final class Admin {
    private Admin() {
    }

    public static void reset() {
        given().post("/__admin/iduscore/reset").then().statusCode(204);
    }

    public static Instant advance(Duration by) {
        String now = given().contentType(ContentType.JSON).body(Map.of("millis", by.toMillis()))
                .post("/__admin/iduscore/clock/advance")
                .then().statusCode(200).extract().path("now");
        return Instant.parse(now);
    }

    public static Instant now() {
        return Instant.parse(given().get("/__admin/iduscore/clock").then().statusCode(200).extract().path("now"));
    }

    public static void faults(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put("/__admin/iduscore/faults").then().statusCode(200);
    }

    public static JsonPath deliveries() {
        return given().get("/__admin/iduscore/webhook-deliveries").then().statusCode(200).extract().jsonPath();
    }
}
