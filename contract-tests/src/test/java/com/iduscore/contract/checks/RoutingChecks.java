package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.target.Credential;
import io.restassured.response.Response;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ROUTE: a path the API does not have is a 404 NOT_FOUND envelope; a known path with a method it does not support is a
 * 405 METHOD_NOT_ALLOWED envelope with an {@code Allow} header listing what it does support (CONTRACT.md D4).
 */
@ConformanceTest
class RoutingChecks {

    @Check(id = "ROUTE-01", rule = "CONTRACT.md D4 (404 NOT_FOUND for an unknown route)", title = "An unknown /v1 route answers 404 NOT_FOUND", operation = "GET /v1/unknown", writes = false)
    void an_unknown_v1_route_is_not_found(Credential primary) {
        ErrorEnvelope.assertError(Api.givenInvalid(primary).get("/v1/no-such-route"), 404, "NOT_FOUND");
        ErrorEnvelope.assertError(Api.givenInvalid(primary).get("/v1/submissions/" + UUID.randomUUID() + "/extra"), 404, "NOT_FOUND");
    }

    @Check(id = "ROUTE-02", rule = "CONTRACT.md D4 (404 NOT_FOUND for an unknown route)", title = "An unknown route outside /v1 answers 404 NOT_FOUND", operation = "GET /unknown", writes = false)
    void an_unknown_route_is_not_found() {
        ErrorEnvelope.assertError(Api.givenInvalidAnonymous().get("/no-such-route"), 404, "NOT_FOUND");
    }

    @Check(id = "ROUTE-03", rule = "CONTRACT.md D4 (404 NOT_FOUND, 405 METHOD_NOT_ALLOWED with Allow); CONTRACT.md O9", title = "DELETE /v1/submissions/{id} answers 405 METHOD_NOT_ALLOWED with Allow: GET, OPTIONS",
            operation = "DELETE /v1/submissions/{submissionId}", writes = false)
    void deleting_a_submission_is_not_allowed(Credential primary) {
        assertNotAllowed(Api.givenInvalid(primary).delete("/v1/submissions/" + UUID.randomUUID()), "GET", "OPTIONS");
    }

    @Check(id = "ROUTE-04", rule = "CONTRACT.md D4 (404 NOT_FOUND, 405 METHOD_NOT_ALLOWED with Allow); CONTRACT.md O9", title = "GET /v1/submissions answers 405 METHOD_NOT_ALLOWED with Allow: POST, OPTIONS",
            operation = "GET /v1/submissions", writes = false)
    void listing_submissions_is_not_allowed(Credential primary) {
        assertNotAllowed(Api.givenInvalid(primary).get("/v1/submissions"), "POST", "OPTIONS");
    }

    @Check(id = "ROUTE-05", rule = "CONTRACT.md D4 (404 NOT_FOUND, 405 METHOD_NOT_ALLOWED with Allow); CONTRACT.md O9", title = "PUT /v1/jobs/{id} and POST /v1/results/{id} answer 405 METHOD_NOT_ALLOWED with Allow: GET",
            operation = "PUT /v1/jobs/{jobId}", writes = false)
    void writing_jobs_and_results_is_not_allowed(Credential primary) {
        assertNotAllowed(Api.givenInvalid(primary).contentType("application/json").body("{}")
                .put("/v1/jobs/" + UUID.randomUUID()), "GET", "OPTIONS");
        assertNotAllowed(Api.givenInvalid(primary).contentType("application/json").body("{}")
                .header("Idempotency-Key", Api.newIdempotencyKey()).header("x-correlation-id", Api.newCorrelationId())
                .post("/v1/results/" + UUID.randomUUID()), "GET", "OPTIONS");
    }

    @Check(id = "ROUTE-06", rule = "CONTRACT.md D4 (404 NOT_FOUND, 405 METHOD_NOT_ALLOWED with Allow); CONTRACT.md O9", title = "DELETE /v1/partner-auth-probe answers 405 METHOD_NOT_ALLOWED with Allow: GET, POST",
            operation = "DELETE /v1/partner-auth-probe", writes = false)
    void deleting_the_probe_is_not_allowed(Credential primary) {
        assertNotAllowed(Api.givenInvalid(primary).delete("/v1/partner-auth-probe"), "GET", "POST", "OPTIONS");
    }

    @Check(id = "ROUTE-07", rule = "CONTRACT.md D4 (404 NOT_FOUND, 405 METHOD_NOT_ALLOWED with Allow); CONTRACT.md O9", title = "POST /health answers 405 METHOD_NOT_ALLOWED with Allow: GET", operation = "POST /health",
            writes = false)
    void posting_to_health_is_not_allowed() {
        assertNotAllowed(Api.givenInvalidAnonymous().post("/health"), "GET");
    }

    private static void assertNotAllowed(Response response, String... allowed) {
        JsonNode error = ErrorEnvelope.assertError(response, 405, "METHOD_NOT_ALLOWED");
        String allow = response.header("Allow");
        assertThat(allow).as("Allow header of the 405 (%s)", error).isNotBlank();
        Set<String> methods = Arrays.stream(allow.split(",")).map(String::trim).map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertThat(methods).as("methods in Allow: %s", allow).contains(allowed);
    }
}
