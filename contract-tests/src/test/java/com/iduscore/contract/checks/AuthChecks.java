package com.iduscore.contract.checks;

import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.SoftAssertions;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AUTH: every {@code /v1} route needs a valid key, sent as {@code X-Api-Key} or as a Bearer token (CONTRACT.md D4, D6, D10);
 * an inactive tenant is refused everywhere, the probe included; the POST probe also needs both write headers.
 */
@ConformanceTest
class AuthChecks {

    /** The GET routes of /v1, with ids that exist nowhere (authentication comes before the lookup). */
    private static final List<String> READ_ROUTES = List.of(
            "/v1/partner-auth-probe",
            "/v1/submissions/" + UUID.randomUUID(),
            "/v1/jobs/" + UUID.randomUUID(),
            "/v1/results/" + UUID.randomUUID());

    @Check(id = "AUTH-01", rule = "CONTRACT.md D4 (401 INVALID_API_KEY); CONTRACT.md D10", title = "Without a key every GET /v1 route answers 401 INVALID_API_KEY",
            operation = "GET /v1/*", writes = false)
    void every_read_route_refuses_a_request_without_a_key() {
        assertEveryReadRoute(route -> Api.givenInvalidAnonymous().get(route), 401, "INVALID_API_KEY");
    }

    @Check(id = "AUTH-02", rule = "CONTRACT.md D4 (401 INVALID_API_KEY); CONTRACT.md D10", title = "Without a key POST /v1/submissions answers 401 INVALID_API_KEY",
            operation = "POST /v1/submissions")
    void submitting_without_a_key_is_refused(Target target) {
        Response response = writeHeaders(Api.givenInvalidAnonymous())
                .body(Api.json(Fixtures.validSubmission(target.primary())))
                .post("/v1/submissions");

        ErrorEnvelope.assertError(response, 401, "INVALID_API_KEY");
    }

    @Check(id = "AUTH-03", rule = "CONTRACT.md D4 (401 INVALID_API_KEY); CONTRACT.md D10", title = "An unknown key answers 401 INVALID_API_KEY, as X-Api-Key and as a Bearer token",
            operation = "GET /v1/partner-auth-probe", writes = false)
    void an_unknown_key_is_refused_in_either_header(Target target) {
        Credential unknown = new Credential(target.primary().partnerId(), "idu_unknown_" + UUID.randomUUID());

        ErrorEnvelope.assertError(Api.givenInvalid(unknown).get("/v1/partner-auth-probe"), 401, "INVALID_API_KEY");
        ErrorEnvelope.assertError(Api.givenInvalidAnonymous().header("Authorization", "Bearer " + unknown.apiKey())
                .get("/v1/partner-auth-probe"), 401, "INVALID_API_KEY");
        assertEveryReadRoute(route -> Api.givenInvalid(unknown).get(route), 401, "INVALID_API_KEY");
    }

    @Check(id = "AUTH-04", rule = "CONTRACT.md D10 (GET /v1/partner-auth-probe → 204)", title = "A valid key in X-Api-Key is accepted: GET /v1/partner-auth-probe answers 204 with no body",
            operation = "GET /v1/partner-auth-probe", writes = false)
    void a_valid_key_in_x_api_key_passes_the_probe(Credential primary) {
        Response response = Api.given(primary).get("/v1/partner-auth-probe");

        assertThat(response.statusCode()).as("status of the probe with X-Api-Key; body: %s", response.asString()).isEqualTo(204);
        assertThat(response.asByteArray()).as("body of a 204").isEmpty();
    }

    @Check(id = "AUTH-05", rule = "CONTRACT.md D10 (GET /v1/partner-auth-probe → 204)", title = "The same key as Authorization: Bearer is accepted: the probe answers 204",
            operation = "GET /v1/partner-auth-probe", writes = false)
    void a_valid_key_as_a_bearer_token_passes_the_probe(Credential primary) {
        Response response = Api.givenBearer(primary).get("/v1/partner-auth-probe");

        assertThat(response.statusCode()).as("status of the probe with a Bearer token; body: %s", response.asString()).isEqualTo(204);
    }

    @Check(id = "AUTH-06", rule = "CONTRACT.md D4 (403 TENANT_INACTIVE)", title = "A key of an inactive tenant answers 403 TENANT_INACTIVE on every GET /v1 route, the probe included",
            operation = "GET /v1/*", writes = false)
    void an_inactive_tenant_is_refused_on_every_read_route(Target target) {
        Credential inactive = inactive(target);

        assertEveryReadRoute(route -> Api.givenInvalid(inactive).get(route), 403, "TENANT_INACTIVE");
        ErrorEnvelope.assertError(Api.givenInvalidAnonymous().header("Authorization", "Bearer " + inactive.apiKey())
                .get("/v1/partner-auth-probe"), 403, "TENANT_INACTIVE");
    }

    @Check(id = "AUTH-07", rule = "CONTRACT.md D4 (403 TENANT_INACTIVE)", title = "A key of an inactive tenant answers 403 TENANT_INACTIVE on POST /v1/partner-auth-probe",
            operation = "POST /v1/partner-auth-probe", writes = false)
    void an_inactive_tenant_is_refused_by_the_write_probe(Target target) {
        Response response = writeHeaders(Api.givenInvalid(inactive(target))).post("/v1/partner-auth-probe");

        ErrorEnvelope.assertError(response, 403, "TENANT_INACTIVE");
    }

    @Check(id = "AUTH-08", rule = "CONTRACT.md D4 (403 TENANT_INACTIVE)", title = "A key of an inactive tenant answers 403 TENANT_INACTIVE on POST /v1/submissions",
            operation = "POST /v1/submissions")
    void an_inactive_tenant_cannot_submit(Target target) {
        Credential inactive = inactive(target);
        Response response = writeHeaders(Api.givenInvalid(inactive))
                .body(Api.json(Fixtures.validSubmission(new Credential(target.primary().partnerId(), inactive.apiKey()))))
                .post("/v1/submissions");

        ErrorEnvelope.assertError(response, 403, "TENANT_INACTIVE");
    }

    @Check(id = "AUTH-09", rule = "CONTRACT.md D10 (POST /v1/partner-auth-probe); CONTRACT.md D4", title = "POST /v1/partner-auth-probe with a valid key and both write headers answers 204",
            operation = "POST /v1/partner-auth-probe", writes = false)
    void the_write_probe_passes_with_both_write_headers(Credential primary) {
        Response response = writeHeaders(Api.given(primary)).post("/v1/partner-auth-probe");

        assertThat(response.statusCode()).as("status of the write probe; body: %s", response.asString()).isEqualTo(204);
        assertThat(response.asByteArray()).as("body of a 204").isEmpty();
    }

    @Check(id = "AUTH-10", rule = "CONTRACT.md D10 (POST /v1/partner-auth-probe); CONTRACT.md D4", title = "POST /v1/partner-auth-probe without x-correlation-id or Idempotency-Key answers 400 naming the header",
            operation = "POST /v1/partner-auth-probe", writes = false)
    void the_write_probe_needs_both_write_headers(Credential primary) {
        Response noCorrelation = Api.givenInvalid(primary).header("Idempotency-Key", Api.newIdempotencyKey())
                .post("/v1/partner-auth-probe");
        ErrorEnvelope.assertFieldError(ErrorEnvelope.assertError(noCorrelation, 400, "VALIDATION_ERROR"),
                "headers.x-correlation-id");

        Response noKey = Api.givenInvalid(primary).header("x-correlation-id", Api.newCorrelationId())
                .post("/v1/partner-auth-probe");
        ErrorEnvelope.assertFieldError(ErrorEnvelope.assertError(noKey, 400, "VALIDATION_ERROR"),
                "headers.idempotency-key");
    }

    @Check(id = "AUTH-11", rule = "CONTRACT.md D4 (check order on a POST)", title = "The key is checked before the write headers: POST without key and headers answers 401",
            operation = "POST /v1/partner-auth-probe", writes = false)
    void the_key_is_checked_before_the_write_headers() {
        ErrorEnvelope.assertError(Api.givenInvalidAnonymous().post("/v1/partner-auth-probe"), 401, "INVALID_API_KEY");
    }

    @Check(id = "AUTH-12", rule = "CONTRACT.md D6 (a key never appears in a response)", title = "A refused key never appears in the response",
            operation = "GET /v1/partner-auth-probe", writes = false)
    void a_refused_key_is_not_echoed(Target target) {
        String key = "idu_secret_" + UUID.randomUUID();
        Response response = Api.givenInvalid(new Credential(target.primary().partnerId(), key)).get("/v1/partner-auth-probe");

        ErrorEnvelope.assertError(response, 401, "INVALID_API_KEY");
        assertThat(response.asString()).as("body of the 401").doesNotContain(key);
        response.getHeaders().forEach(h -> assertThat(h.getValue()).as("response header %s", h.getName()).doesNotContain(key));
    }

    private static Credential inactive(Target target) {
        Checks.require(target.inactiveApiKey().isPresent(),
                "no key of an inactive tenant configured (IDUSCORE_INACTIVE_API_KEY)");
        return new Credential(target.primary().partnerId(), target.inactiveApiKey().orElseThrow());
    }

    private static RequestSpecification writeHeaders(RequestSpecification request) {
        return request.contentType(ContentType.JSON)
                .header("Idempotency-Key", Api.newIdempotencyKey())
                .header("x-correlation-id", Api.newCorrelationId());
    }

    private static void assertEveryReadRoute(Function<String, Response> call, int status, String code) {
        SoftAssertions softly = new SoftAssertions();
        for (String route : READ_ROUTES) {
            softly.check(() -> {
                Response response = call.apply(route);
                try {
                    ErrorEnvelope.assertError(response, status, code);
                } catch (AssertionError e) {
                    throw new AssertionError("GET " + route + ": " + e.getMessage(), e);
                }
            });
        }
        softly.assertAll();
    }
}
