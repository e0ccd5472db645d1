package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.checks.support.Once;
import com.iduscore.contract.checks.support.Pipeline;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.junit.Locks;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import io.restassured.response.Response;

import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ISO: ids are tenant-scoped (CONTRACT.md D6). Another tenant gets 404 NOT_FOUND for a submission, job or result that exists,
 * indistinguishable from an id that exists nowhere; another credential of the same tenant gets 403 FORBIDDEN; a path
 * id that is not a UUID is a 400.
 */
@ConformanceTest
@ResourceLock(value = Locks.CLOCK, mode = ResourceAccessMode.READ)
class IsolationChecks {

    private static final Once<Pipeline.Followed> OWNED = Once.of("a completed submission of the primary credential", () -> {
        Target target = Api.target();
        return Pipeline.followUntil(target, Pipeline.submit(target.primary(), Fixtures.validSubmission(target.primary())),
                Pipeline::completed);
    });

    @Check(id = "ISO-01", rule = "CONTRACT.md D6 (another tenant: 404 as for an unknown id); CONTRACT.md D4", title = "Another tenant's submission answers 404 NOT_FOUND, identical to an unknown id's",
            operation = "GET /v1/submissions/{submissionId}")
    void another_tenants_submission_is_not_found(Target target) {
        Credential other = otherTenant(target);
        String id = owned(target).accepted().submissionId();

        assertNotFoundLikeUnknown(other, "/v1/submissions/", id, "Submission not found");
    }

    @Check(id = "ISO-02", rule = "CONTRACT.md D6 (another tenant: 404 as for an unknown id); CONTRACT.md D4", title = "Another tenant's job answers 404 NOT_FOUND, identical to an unknown id's",
            operation = "GET /v1/jobs/{jobId}")
    void another_tenants_job_is_not_found(Target target) {
        Credential other = otherTenant(target);
        String id = owned(target).accepted().jobId();

        assertNotFoundLikeUnknown(other, "/v1/jobs/", id, "Job not found");
    }

    @Check(id = "ISO-03", rule = "CONTRACT.md D6 (another tenant: 404 as for an unknown id); CONTRACT.md D4", title = "Another tenant's result answers 404 NOT_FOUND, identical to an unknown id's",
            operation = "GET /v1/results/{resultId}")
    void another_tenants_result_is_not_found(Target target) {
        Credential other = otherTenant(target);
        String id = owned(target).resultId();

        assertNotFoundLikeUnknown(other, "/v1/results/", id, "Result not found");
    }

    @Check(id = "ISO-04", rule = "CONTRACT.md D6 (another credential of the tenant: 403 FORBIDDEN)", title = "Another credential of the same tenant gets 403 FORBIDDEN for the submission",
            operation = "GET /v1/submissions/{submissionId}")
    void another_credential_cannot_read_the_submission(Target target) {
        assertForbidden(target, "/v1/submissions/" + owned(target).accepted().submissionId());
    }

    @Check(id = "ISO-05", rule = "CONTRACT.md D6 (another credential of the tenant: 403 FORBIDDEN)", title = "Another credential of the same tenant gets 403 FORBIDDEN for its jobs",
            operation = "GET /v1/jobs/{jobId}")
    void another_credential_cannot_read_the_jobs(Target target) {
        Pipeline.Followed owned = owned(target);
        for (JsonNode job : Pipeline.jobs(owned.last())) {
            assertForbidden(target, "/v1/jobs/" + job.path("jobId").asText());
        }
    }

    @Check(id = "ISO-06", rule = "CONTRACT.md D6 (another credential of the tenant: 403 FORBIDDEN)", title = "Another credential of the same tenant gets 403 FORBIDDEN for the result",
            operation = "GET /v1/results/{resultId}")
    void another_credential_cannot_read_the_result(Target target) {
        assertForbidden(target, "/v1/results/" + owned(target).resultId());
    }

    @Check(id = "ISO-07", rule = "CONTRACT.md D4 (a path id that is not a UUID: 400 VALIDATION_ERROR)", title = "A path id that is not a UUID answers 400 VALIDATION_ERROR on every id route",
            operation = "GET /v1/submissions/{submissionId}", writes = false)
    void a_path_id_that_is_not_a_uuid_is_refused(Credential primary) {
        for (String route : new String[]{"/v1/submissions/", "/v1/jobs/", "/v1/results/"}) {
            Response response = Api.givenInvalid(primary).get(route + "not-a-uuid");
            try {
                ErrorEnvelope.assertError(response, 400, "VALIDATION_ERROR");
            } catch (AssertionError e) {
                throw new AssertionError("GET " + route + "not-a-uuid: " + e.getMessage(), e);
            }
        }
    }

    @Check(id = "ISO-08", rule = "CONTRACT.md D4 (404 NOT_FOUND); CONTRACT.md O8", title = "An id that exists nowhere answers 404 NOT_FOUND (another message wording than CONTRACT.md D4's is a warning)",
            operation = "GET /v1/submissions/{submissionId}", writes = false)
    void an_unknown_id_is_not_found(Credential primary) {
        String[][] routes = {{"/v1/submissions/", "Submission not found"}, {"/v1/jobs/", "Job not found"},
                {"/v1/results/", "Result not found"}};
        for (String[] route : routes) {
            JsonNode error = ErrorEnvelope.assertError(Api.givenInvalid(primary).get(route[0] + UUID.randomUUID()), 404, "NOT_FOUND");
            warnUnlessMessage(error, route[1], "GET " + route[0] + "{unknown}");
        }
    }

    @Check(id = "ISO-09", rule = "CONTRACT.md D6", title = "The owner reads its submission, jobs and result (the control for ISO-01..06)",
            operation = "GET /v1/submissions/{submissionId}")
    void the_owner_reads_everything(Target target) {
        Pipeline.Followed owned = owned(target);
        Credential primary = target.primary();

        Pipeline.submission(primary, owned.accepted().submissionId());
        Pipeline.jobs(owned.last()).forEach(job -> Pipeline.jobDetail(primary, job.path("jobId").asText()));
        JsonNode result = Pipeline.result(primary, owned.resultId());
        assertThat(result.path("submissionId").asText()).as("submissionId of the result").isEqualTo(owned.accepted().submissionId());
    }

    // ----------------------------------------------------------------------------------------------------------

    private static Pipeline.Followed owned(Target target) {
        Pipeline.Followed owned = OWNED.get();
        assertThat(owned.resultId()).as("resultId of the completed submission").isNotNull();
        return owned;
    }

    private static Credential otherTenant(Target target) {
        Checks.require(target.otherTenant().isPresent(), "no credential of another tenant configured (IDUSCORE_OTHER_TENANT_*)");
        return target.otherTenant().orElseThrow();
    }

    private static void assertForbidden(Target target, String path) {
        Checks.require(target.secondCredential().isPresent(), "no second credential of the tenant configured (IDUSCORE_SECOND_*)");
        Response response = Api.givenInvalid(target.secondCredential().orElseThrow()).get(path);
        try {
            ErrorEnvelope.assertError(response, 403, "FORBIDDEN");
        } catch (AssertionError e) {
            throw new AssertionError("GET " + path + " by another credential of the tenant: " + e.getMessage(), e);
        }
    }

    /** 404 NOT_FOUND with {@code message}; the same envelope, requestId aside, as for a random UUID. */
    private static void assertNotFoundLikeUnknown(Credential other, String route, String existingId, String message) {
        Response foreign = Api.givenInvalid(other).get(route + existingId);
        Response unknown = Api.givenInvalid(other).get(route + UUID.randomUUID());

        JsonNode foreignError = ErrorEnvelope.assertError(foreign, 404, "NOT_FOUND");
        JsonNode unknownError = ErrorEnvelope.assertError(unknown, 404, "NOT_FOUND");
        warnUnlessMessage(foreignError, message, "GET " + route + "{another tenant's id}");
        assertThat(withoutRequestId(foreignError)).as("another tenant's id answers exactly as an unknown id (requestId aside)")
                .isEqualTo(withoutRequestId(unknownError));
        assertThat(foreign.contentType()).as("content type").isEqualTo(unknown.contentType());
    }

    /** CONTRACT.md D4 quotes the messages, but their wording is open (CONTRACT.md O8): another wording is a finding, not a failure. */
    private static void warnUnlessMessage(JsonNode error, String documented, String where) {
        String message = error.path("message").asText();
        if (!documented.equals(message)) {
            Checks.warn("CONTRACT.md O8", where + ": error.message is \"" + message + "\", CONTRACT.md D4 words it \"" + documented + "\"");
        }
    }

    private static JsonNode withoutRequestId(JsonNode error) {
        ObjectNode copy = error.deepCopy();
        copy.remove("requestId");
        return copy;
    }
}
