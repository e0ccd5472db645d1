package com.iduscore.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** A submission's life over HTTP, driven by the admin clock: jobs, result, outcomes, artifacts and their downloads. */
@ExtendWith(RunningMock.class)
class LifecycleTest {
    private static final Duration STEP = Duration.ofMillis(300);

    @Test
    void a_submission_moves_through_its_seven_jobs_to_completed_as_the_clock_advances() {
        String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.completeSubmission());

        submission(submissionId).then()
                .body("status", equalTo("received"))
                .body("resultId", nullValue())
                .body("jobs", hasSize(7))
                .body("jobs[0].type", equalTo("pipeline.ingest_validate"))
                .body("jobs[0].status", equalTo("queued"))
                .body("jobs[1].status", equalTo("pending"));

        Admin.advance(Duration.ofMinutes(1));

        submission(submissionId).then()
                .body("status", equalTo("completed"))
                .body("statusLabel", equalTo("Completed"))
                .body("resultId", notNullValue())
                .body("jobs.status", everyItem(equalTo("succeeded")))
                .body("counts.results", equalTo(1))
                .body("counts.artifacts", equalTo(3));
    }

    @Test
    void a_job_reads_in_full_by_its_id() {
        String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.completeSubmission());
        String ingestJobId = submission(submissionId).path("jobs[0].jobId");

        Partner.withKey(DEMO_A1_KEY).get("/v1/jobs/" + ingestJobId).then()
                .statusCode(200)
                .body("jobId", equalTo(ingestJobId))
                .body("submissionId", equalTo(submissionId))
                .body("type", equalTo("pipeline.ingest_validate"))
                .body("typeLabel", equalTo("Ingest & validate"))
                .body("correlationId", notNullValue());
    }

    @Test
    void the_result_carries_one_outcome_per_requested_outcome_with_scores_from_0_to_1() {
        String resultId = completedResultId(Fixtures.completeSubmission());

        JsonPath result = result(resultId).then().statusCode(200).extract().jsonPath();

        assertThat(result.getString("status")).isEqualTo("completed");
        assertThat(result.getList("outcomes.outcomeId")).containsExactly("wellbeing.cardiovascular",
                "wellbeing.cognitive", "wellbeing.renal", "wellbeing.respiratory");
        assertThat(result.getString("outcome.outcomeId")).isEqualTo("wellbeing.cardiovascular");
        assertThat(result.getList("outcomes.score", Float.class)).allSatisfy(score -> assertThat(score).isBetween(0f, 1f));
    }

    @Test
    void artifacts_stay_pending_until_written_then_come_with_signed_urls() {
        String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.completeSubmission());
        String resultId = null;
        for (int step = 0; step < 40 && resultId == null; step++) {
            Admin.advance(STEP);
            resultId = submission(submissionId).path("resultId");
        }
        assertThat(resultId).as("a result once inference has run").isNotNull();

        result(resultId).then().statusCode(200)
                .body("artifacts.items", hasSize(3))
                .body("artifacts.items.availability", everyItem(equalTo("pending")))
                .body("artifacts.items.access.downloadUrl", everyItem(nullValue()));

        Admin.advance(Duration.ofMinutes(1));

        result(resultId).then().statusCode(200)
                .body("artifacts.items.availability", everyItem(equalTo("available")))
                .body("artifacts.items.access.downloadUrl", everyItem(notNullValue()));
    }

    @Test
    void each_artifact_downloads_without_a_key_as_a_real_file() throws Exception {
        Map<String, String> urls = downloadUrls(completedResultId(Fixtures.completeSubmission()));
        assertThat(urls).containsOnlyKeys("json", "html", "pdf");
        assertThat(urls.values()).allSatisfy(url -> assertThat(url).startsWith(io.restassured.RestAssured.baseURI
                + ":" + io.restassured.RestAssured.port + "/_mock/artifacts/"));

        Response json = given().get(urls.get("json"));
        json.then().statusCode(200).contentType("application/json")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename="));
        JsonNode report = Fixtures.JSON.readTree(json.asByteArray());
        assertThat(report.isObject()).as("the JSON report parses to an object").isTrue();

        given().get(urls.get("html")).then().statusCode(200).contentType("text/html")
                .body(org.hamcrest.Matchers.containsStringIgnoringCase("<html"));

        byte[] pdf = given().get(urls.get("pdf")).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void a_tampered_download_url_answers_403_forbidden() {
        String url = downloadUrls(completedResultId(Fixtures.completeSubmission())).get("pdf");
        String tampered = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");

        given().get(tampered).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().get(url.replaceFirst("expires=\\d+", "expires=99999999999")).then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        given().get(url.substring(0, url.indexOf('?'))).then().statusCode(403);
    }

    @Test
    void an_expired_download_url_answers_403_forbidden() {
        String url = downloadUrls(completedResultId(Fixtures.completeSubmission())).get("json");
        given().get(url).then().statusCode(200);

        Admin.advance(Duration.ofMinutes(61));

        given().get(url).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    private static Response submission(String submissionId) {
        return Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + submissionId);
    }

    private static Response result(String resultId) {
        return Partner.withKey(DEMO_A1_KEY).get("/v1/results/" + resultId);
    }

    private static String completedResultId(Object body) {
        String submissionId = Partner.accepted(DEMO_A1_KEY, body);
        Admin.advance(Duration.ofMinutes(1));
        return submission(submissionId).then().body("status", equalTo("completed")).extract().path("resultId");
    }

    private static Map<String, String> downloadUrls(String resultId) {
        JsonPath result = result(resultId).then().statusCode(200).extract().jsonPath();
        List<String> types = result.getList("artifacts.items.type");
        List<String> urls = result.getList("artifacts.items.access.downloadUrl");
        java.util.LinkedHashMap<String, String> byType = new java.util.LinkedHashMap<>();
        for (int i = 0; i < types.size(); i++) {
            byType.put(types.get(i), urls.get(i));
        }
        return byType;
    }
}
