package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import io.restassured.response.Response;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PID: the body's {@code partnerId} must be the sending key's own Partner ID (403 PARTNER_ID_MISMATCH), checked after
 * the schema and before the marker panel (CONTRACT.md D4 order).
 */
@ConformanceTest
class PartnerIdChecks {

    private static final String SUBMIT = "POST /v1/submissions";

    @Check(id = "PID-01", rule = "CONTRACT.md D4 (403 PARTNER_ID_MISMATCH); CONTRACT.md D6", title = "A partnerId that is not the key's answers 403 PARTNER_ID_MISMATCH with the correlationId",
            operation = SUBMIT)
    void a_foreign_partner_id_is_refused(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        body.put("partnerId", UUID.randomUUID().toString());
        String correlationId = Api.newCorrelationId();

        Response response = post(primary, body, correlationId);

        JsonNode error = ErrorEnvelope.assertError(response, 403, "PARTNER_ID_MISMATCH");
        assertThat(error.path("correlationId").asText()).as("error.correlationId").isEqualTo(correlationId);
    }

    @Check(id = "PID-02", rule = "CONTRACT.md D4 (403 PARTNER_ID_MISMATCH); CONTRACT.md D6", title = "The Partner ID of another credential of the same tenant answers 403 PARTNER_ID_MISMATCH",
            operation = SUBMIT)
    void another_credentials_partner_id_is_refused(Target target) {
        Checks.require(target.secondCredential().isPresent(), "no second credential of the tenant configured (IDUSCORE_SECOND_*)");
        Credential primary = target.primary();
        ObjectNode body = Fixtures.validSubmission(target.secondCredential().orElseThrow());

        ErrorEnvelope.assertError(post(primary, body, Api.newCorrelationId()), 403, "PARTNER_ID_MISMATCH");
    }

    @Check(id = "PID-03", rule = "CONTRACT.md D4 (check order on a POST)", title = "A schema error is reported before a partnerId mismatch (400 VALIDATION_ERROR)", operation = SUBMIT)
    void a_schema_error_wins_over_a_partner_id_mismatch(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        body.put("partnerId", UUID.randomUUID().toString());
        body.remove("partnerSubjectId");

        JsonNode error = ErrorEnvelope.assertError(post(primary, body, Api.newCorrelationId()), 400, "VALIDATION_ERROR");
        ErrorEnvelope.assertFieldError(error, "partnerSubjectId");
    }

    @Check(id = "PID-04", rule = "CONTRACT.md D4 (check order on a POST)", title = "A partnerId mismatch is reported before a marker panel error (403, not 400)", operation = SUBMIT)
    void a_partner_id_mismatch_wins_over_a_marker_panel_error(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        body.put("partnerId", UUID.randomUUID().toString());
        ((ArrayNode) body.path("markers")).remove(13);

        ErrorEnvelope.assertError(post(primary, body, Api.newCorrelationId()), 403, "PARTNER_ID_MISMATCH");
    }

    static Response post(Credential credential, ObjectNode body, String correlationId) {
        return Api.givenInvalid(credential).contentType("application/json")
                .header("Idempotency-Key", Api.newIdempotencyKey())
                .header("x-correlation-id", correlationId)
                .body(Api.json(body))
                .post("/v1/submissions");
    }
}
