package com.iduscore.mock.server;

import com.iduscore.mock.http.ContractValidation;
import com.iduscore.mock.http.Fixtures;
import com.iduscore.mock.http.Partner;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static com.iduscore.mock.http.Fixtures.DEMO_A1_PARTNER_ID;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Running the mock for long: restarts with a state file, a clean stop, bounded memory. */
class OperationsTest {

    @BeforeAll
    static void validateAgainstTheContract() {
        ContractValidation.registerOnce();
        RestAssured.baseURI = "http://127.0.0.1";
    }

    @Test
    void a_signed_artifact_link_stays_valid_across_a_restart_with_a_state_file(@TempDir Path dir) {
        Path stateFile = dir.resolve("state.json");
        String link;
        try (IduScoreMockServer first = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0)
                .withStateFile(stateFile))) {
            RestAssured.port = first.port();
            String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.completeSubmission());
            first.settle();
            String resultId = Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + submissionId).then()
                    .statusCode(200).extract().path("resultId");
            String url = Partner.withKey(DEMO_A1_KEY).get("/v1/results/" + resultId).then().statusCode(200)
                    .extract().path("artifacts.items[0].access.downloadUrl");
            link = url.substring(url.indexOf("/_mock/"));
            given().get(link).then().statusCode(200);
        }

        try (IduScoreMockServer second = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0)
                .withStateFile(stateFile))) {
            RestAssured.port = second.port();
            given().get(link).then().statusCode(200);
        }
    }

    @Test
    void a_stop_takes_under_two_seconds_and_writes_the_state_file(@TempDir Path dir) {
        Path stateFile = dir.resolve("state.json");
        IduScoreMockServer mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0)
                .withStateFile(stateFile));
        RestAssured.port = mock.port();
        String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.completeSubmission());

        long started = System.nanoTime();
        mock.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(stateFile).content().contains(submissionId);
    }

    @Test
    void a_stop_lets_an_in_flight_request_finish_and_takes_under_two_seconds() throws Exception {
        IduScoreMockServer mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0));
        RestAssured.port = mock.port();
        mock.faults().set(new com.iduscore.mock.http.Faults.Settings(true, 800, null));
        java.util.concurrent.CompletableFuture<Integer> inFlight = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                Partner.withKey(DEMO_A1_KEY).get("/v1/partner-auth-probe").statusCode());
        Thread.sleep(300); // the request is now waiting out its latency inside the mock

        long started = System.nanoTime();
        mock.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(inFlight.get()).as("the in-flight request's status").isEqualTo(204);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void beyond_max_submissions_the_oldest_finished_ones_are_evicted_with_their_keys() {
        try (IduScoreMockServer mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0)
                .withClock(ClockMode.MANUAL).withMaxSubmissions(3))) {
            RestAssured.port = mock.port();
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(Partner.submit(DEMO_A1_KEY, "evict-key-" + i, Fixtures.submission(DEMO_A1_PARTNER_ID, "evict-" + i))
                        .then().statusCode(202).extract().path("submissionId"));
                mock.settle();
            }

            for (String evicted : ids.subList(0, 2)) {
                Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + evicted).then().statusCode(404);
            }
            for (String kept : ids.subList(2, 5)) {
                Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + kept).then().statusCode(200);
            }
            String again = Partner.submit(DEMO_A1_KEY, "evict-key-0", Fixtures.submission(DEMO_A1_PARTNER_ID, "evict-0"))
                    .then().statusCode(202).extract().path("submissionId");
            assertThat(again).as("the evicted submission's key is free again").isNotEqualTo(ids.get(0));
        }
    }
}
