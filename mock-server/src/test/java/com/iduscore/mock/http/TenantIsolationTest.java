package com.iduscore.mock.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static com.iduscore.mock.http.Fixtures.DEMO_A2_KEY;
import static com.iduscore.mock.http.Fixtures.DEMO_B1_KEY;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** Ids are tenant-scoped (404 to another tenant) and credential-restricted (403 to another credential), CONTRACT.md D6. */
@ExtendWith(RunningMock.class)
class TenantIsolationTest {
    private Map<String, String> routes;

    /** One completed submission of demo-a's first credential: its submission, ingest job and result routes. */
    @BeforeEach
    void completedSubmissionOfDemoA1() {
        String submissionId = Partner.accepted(DEMO_A1_KEY, Fixtures.completeSubmission());
        Admin.advance(Duration.ofMinutes(1));
        var submission = Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + submissionId)
                .then().statusCode(200).body("status", equalTo("completed")).extract().jsonPath();
        routes = Map.of(
                "/v1/submissions/" + submissionId, "Submission not found",
                "/v1/jobs/" + submission.getString("jobs[0].jobId"), "Job not found",
                "/v1/results/" + submission.getString("resultId"), "Result not found");
    }

    @Test
    void the_owning_credential_reads_its_submission_job_and_result() {
        routes.keySet().forEach(path -> Partner.withKey(DEMO_A1_KEY).get(path).then().statusCode(200));
    }

    @Test
    void another_tenant_gets_404_not_found_as_for_an_id_that_does_not_exist() {
        routes.forEach((path, message) -> Partner.withKey(DEMO_B1_KEY).get(path).then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo(message)));
    }

    @Test
    void another_credential_of_the_same_tenant_gets_403_forbidden() {
        routes.keySet().forEach(path -> Partner.withKey(DEMO_A2_KEY).get(path).then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN")));
    }

    @Test
    void unknown_ids_answer_404_naming_the_resource() {
        String unknown = UUID.randomUUID().toString();
        Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + unknown).then().statusCode(404)
                .body("error.message", equalTo("Submission not found"));
        Partner.withKey(DEMO_A1_KEY).get("/v1/jobs/" + unknown).then().statusCode(404)
                .body("error.message", equalTo("Job not found"));
        Partner.withKey(DEMO_A1_KEY).get("/v1/results/" + unknown).then().statusCode(404)
                .body("error.message", equalTo("Result not found"));
    }

    @Test
    void path_ids_that_are_not_uuids_answer_400_validation_error() {
        Map.of("/v1/submissions/not-a-uuid", "params.submissionId",
                "/v1/jobs/12345", "params.jobId",
                "/v1/results/0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1", "params.resultId").forEach((path, field) ->
                Partner.invalid(DEMO_A1_KEY).get(path).then()
                        .statusCode(400)
                        .body("error.code", equalTo("VALIDATION_ERROR"))
                        .body("error.details.fieldErrors", hasKey(field)));
    }

    @Test
    void the_key_is_checked_before_the_path_id() {
        Partner.anonymous().get("/v1/submissions/not-a-uuid").then().statusCode(401);
    }
}
