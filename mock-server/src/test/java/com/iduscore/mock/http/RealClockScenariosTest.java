package com.iduscore.mock.http;

import com.iduscore.mock.domain.view.SettleReport;
import com.iduscore.mock.server.IduScoreMockServer;
import com.iduscore.mock.server.MockServerConfig;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static com.iduscore.mock.http.Fixtures.DEMO_A1_PARTNER_ID;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * On the default real clock with default options, every scenario's outcome shows within 10 s of the POST, and time
 * travel ({@code clock/advance}, {@code clock/settle}) works without {@code --clock manual}.
 */
class RealClockScenariosTest {
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static IduScoreMockServer mock;

    @BeforeAll
    static void startOnTheRealClock() {
        ContractValidation.registerOnce();
        mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        mock.stop();
    }

    @BeforeEach
    void pointAtTheMock() {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = mock.port();
        mock.reset();
    }

    @Test
    void every_scenario_shows_its_outcome_within_ten_seconds_of_the_post() {
        Map<String, Predicate<JsonPath>> outcomes = Map.of(
                "sim-sla-breach-rc", s -> s.getString("status").equals("completed") && s.getBoolean("jobs[4].slaBreached"),
                "sim-fail-inference-rc", s -> s.getString("status").equals("failed"),
                "sim-retry-inference-rc", s -> s.getString("status").equals("completed") && s.getInt("jobs[4].attempts") == 2,
                "sim-reject-rc", s -> s.getString("status").equals("rejected"),
                "sim-partial-rc", s -> s.getString("status").equals("completed"),
                "sim-webhook-fail-rc", s -> s.getString("jobs[6].status").equals("dead_letter"),
                "sim-pending-artifacts-rc", s -> s.getString("status").equals("completed"),
                "happy-rc", s -> s.getString("status").equals("completed"));
        Map<String, String> ids = new java.util.HashMap<>();
        outcomes.keySet().forEach(partnerSubmissionId -> ids.put(partnerSubmissionId,
                Partner.accepted(DEMO_A1_KEY, Fixtures.submission(DEMO_A1_PARTNER_ID, partnerSubmissionId))));
        Instant posted = Instant.now();

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                outcomes.forEach((partnerSubmissionId, shown) -> assertThat(shown.test(submission(ids.get(partnerSubmissionId))))
                        .as(partnerSubmissionId).isTrue()));

        assertThat(Duration.between(posted, Instant.now())).isLessThan(WITHIN);
    }

    @Test
    void sim_pending_artifacts_become_available_within_ten_seconds() {
        String id = Partner.accepted(DEMO_A1_KEY, Fixtures.submission(DEMO_A1_PARTNER_ID, "sim-pending-artifacts-rc2"));
        await().atMost(WITHIN).until(() -> "completed".equals(submission(id).getString("status")));
        String resultPath = "/v1/results/" + submission(id).getString("resultId");
        assertThat(Partner.withKey(DEMO_A1_KEY).get(resultPath).then().extract().jsonPath()
                .getList("artifacts.items.availability")).isNotEmpty().containsOnly("pending");

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> Partner.withKey(DEMO_A1_KEY).get(resultPath)
                .then().extract().jsonPath().getList("artifacts.items.availability").stream().allMatch("available"::equals));
    }

    @Test
    void settle_runs_every_submission_to_its_end_at_once_on_the_real_clock() {
        String slow = Partner.accepted(DEMO_A1_KEY, Fixtures.submission(DEMO_A1_PARTNER_ID, "sim-slow-settle"));
        String failing = Partner.accepted(DEMO_A1_KEY, Fixtures.submission(DEMO_A1_PARTNER_ID, "sim-webhook-fail-settle"));

        JsonPath report = given().post("/__admin/iduscore/clock/settle").then().statusCode(200)
                .body("settled", equalTo(true)).extract().jsonPath();

        assertThat(report.getInt("submissions.completed")).isEqualTo(2);
        assertThat(report.getInt("deliveries")).isEqualTo(5);
        assertThat(report.getLong("advancedMillis")).isGreaterThan(15_000);
        assertThat(submission(slow).getString("status")).isEqualTo("completed");
        assertThat(submission(failing).getString("jobs[6].status")).isEqualTo("dead_letter");
        given().get("/__admin/iduscore/clock").then().body("mode", equalTo("real"));
    }

    @Test
    void a_signed_link_expires_after_advancing_the_real_clock_past_its_hour() {
        String id = Partner.accepted(DEMO_A1_KEY, Fixtures.submission(DEMO_A1_PARTNER_ID, "link-expiry"));
        SettleReport settled = mock.settle();
        assertThat(settled.settled()).isTrue();
        String resultId = submission(id).getString("resultId");
        String link = Partner.withKey(DEMO_A1_KEY).get("/v1/results/" + resultId).then().statusCode(200)
                .extract().path("artifacts.items[0].access.downloadUrl");
        String path = link.substring(link.indexOf("/_mock/"));
        given().get(path).then().statusCode(200);

        mock.advance(Duration.ofMinutes(61));

        given().get(path).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    private static JsonPath submission(String id) {
        return Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + id).then().statusCode(200).extract().jsonPath();
    }
}
