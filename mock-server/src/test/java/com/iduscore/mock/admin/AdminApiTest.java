package com.iduscore.mock.admin;

import com.iduscore.mock.http.Admin;
import com.iduscore.mock.http.Fixtures;
import com.iduscore.mock.http.Partner;
import com.iduscore.mock.http.RunningMock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** The admin API under /__admin/iduscore/: reset, clock, state, faults, deliveries. */
@ExtendWith(RunningMock.class)
class AdminApiTest {

    @Test
    void reset_forgets_every_submission() {
        String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.completeSubmission());

        given().post("/__admin/iduscore/reset").then().statusCode(204);

        Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + submissionId).then().statusCode(404);
    }

    @Test
    void the_manual_clock_reads_and_moves_forward_by_the_given_millis() {
        Instant before = Admin.now();

        given().contentType(ContentType.JSON).body(Map.of("millis", 90_000))
                .post("/__admin/iduscore/clock/advance").then()
                .statusCode(200)
                .body("now", equalTo(com.iduscore.mock.http.ApiJson.format(before.plusSeconds(90))));
        assertThat(Admin.now()).isEqualTo(before.plusSeconds(90));
    }

    @Test
    void advancing_needs_a_whole_number_of_millis_of_zero_or_more() {
        for (String body : new String[]{"{}", "{\"millis\":-1}", "{\"millis\":\"10\"}", "{\"millis\":1.5}", "[1]", "{"}) {
            given().contentType(ContentType.JSON).body(body).post("/__admin/iduscore/clock/advance").then()
                    .statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR"))
                    .header("x-request-id", matchesPattern(".+"));
        }
    }

    @Test
    void the_state_exports_and_restores_a_snapshot() {
        String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.completeSubmission());
        String snapshot = given().get("/__admin/iduscore/state").then()
                .statusCode(200).contentType("application/json").extract().asString();
        Admin.reset();
        Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + submissionId).then().statusCode(404);

        given().contentType(ContentType.JSON).body(snapshot).put("/__admin/iduscore/state").then().statusCode(204);

        Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + submissionId).then().statusCode(200)
                .body("submissionId", equalTo(submissionId));
    }

    @Test
    void a_document_that_is_not_a_snapshot_answers_400_and_changes_nothing() {
        String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.completeSubmission());

        for (String body : new String[]{"{\"not\":\"a snapshot\"}", "not json", ""}) {
            given().contentType(ContentType.JSON).body(body).put("/__admin/iduscore/state").then()
                    .statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR"));
        }

        Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + submissionId).then().statusCode(200);
    }

    @Test
    void webhook_deliveries_start_empty() {
        given().get("/__admin/iduscore/webhook-deliveries").then()
                .statusCode(200)
                .body("deliveries", org.hamcrest.Matchers.empty());
    }

    @Test
    void faults_read_back_as_set_and_reset_clears_them() {
        given().contentType(ContentType.JSON).body(Map.of("ready", false, "latencyMs", 5, "rateLimitPerMinute", 100))
                .put("/__admin/iduscore/faults").then()
                .statusCode(200)
                .body("ready", equalTo(false)).body("latencyMs", equalTo(5)).body("rateLimitPerMinute", equalTo(100));

        Admin.reset();

        given().get("/__admin/iduscore/faults").then().statusCode(200)
                .body("ready", equalTo(true)).body("latencyMs", equalTo(0)).body("rateLimitPerMinute", nullValue());
    }

    @Test
    void fault_settings_are_validated_field_by_field() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("ready", "no");
        bad.put("latencyMs", -5);
        bad.put("rateLimitPerMinute", 0);
        bad.put("chaos", true);
        given().contentType(ContentType.JSON).body(bad).put("/__admin/iduscore/faults").then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fieldErrors", hasKey("ready"))
                .body("error.details.fieldErrors", hasKey("latencyMs"))
                .body("error.details.fieldErrors", hasKey("rateLimitPerMinute"))
                .body("error.details.fieldErrors", hasKey("chaos"));
        given().get("/__admin/iduscore/faults").then().body("ready", equalTo(true));
    }

    @Test
    void the_latency_fault_delays_partner_responses() {
        Admin.faults(Map.of("latencyMs", 400));

        long started = System.nanoTime();
        Partner.withKey(DEMO_A1_KEY).get("/v1/partner-auth-probe").then().statusCode(204);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("time to answer with latencyMs=400").isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void the_rate_limit_fault_answers_429_with_retry_after_per_credential() {
        Admin.faults(Map.of("rateLimitPerMinute", 2));

        Partner.withKey(DEMO_A1_KEY).get("/v1/partner-auth-probe").then().statusCode(204);
        Partner.withKey(DEMO_A1_KEY).get("/v1/partner-auth-probe").then().statusCode(204);
        Response limited = Partner.withKey(DEMO_A1_KEY).header("x-correlation-id", "corr-429")
                .get("/v1/partner-auth-probe");

        limited.then().statusCode(429)
                .body("error.code", equalTo("RATE_LIMITED"))
                .body("error.correlationId", equalTo("corr-429"));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        // another credential has its own window
        Partner.withKey(Fixtures.DEMO_A2_KEY).get("/v1/partner-auth-probe").then().statusCode(204);
    }

    @Test
    void the_admin_api_is_not_reachable_with_a_partner_route() {
        Partner.withKey(DEMO_A1_KEY).post("/v1/__admin/iduscore/reset").then().statusCode(404);
    }

    @Test
    void a_document_with_an_unknown_field_is_refused_in_plain_words_naming_no_java_class() {
        String message = given().contentType(ContentType.JSON).body("{\"x\":1}").put("/__admin/iduscore/state").then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .extract().path("error.message");

        assertThat(message).contains("unknown field at \"x\"")
                .doesNotContain("class").doesNotContain("com.").doesNotContain("java").doesNotContain("Snapshot");
    }

    @Test
    void an_unknown_admin_route_answers_404_in_the_error_envelope() {
        given().header("x-request-id", "req-admin-404").get("/__admin/iduscore/no-such-route").then()
                .statusCode(404)
                .contentType("application/json")
                .header("x-request-id", "req-admin-404")
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("No admin route /__admin/iduscore/no-such-route"))
                .body("error.requestId", equalTo("req-admin-404"));
    }

    @Test
    void a_known_admin_route_with_another_method_answers_405_with_allow() {
        given().delete("/__admin/iduscore/state").then()
                .statusCode(405)
                .header("Allow", "GET, PUT")
                .body("error.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void the_clock_reads_its_mode_and_offset() {
        given().get("/__admin/iduscore/clock").then().statusCode(200)
                .body("mode", equalTo("manual"))
                .body("offsetMillis", org.hamcrest.Matchers.isA(Integer.class));
    }
}
