package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.target.Credential;
import io.restassured.response.Response;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PANEL: when {@code markers} is sent it must be the 14-marker panel: each code once, with its unit, a finite value
 * of at least 0. A panel that is well-formed JSON but breaks these rules answers 400 SUBMISSION_VALIDATION_ERROR with
 * {@code details = [{field, message}]} naming the field (CONTRACT.md D11), never VALIDATION_ERROR.
 */
@ConformanceTest
class MarkerPanelChecks {

    private static final String SUBMIT = "POST /v1/submissions";

    @Check(id = "PANEL-01", rule = "CONTRACT.md D11 (marker panel → SUBMISSION_VALIDATION_ERROR); CONTRACT.md O1", title = "13 markers answer 400 SUBMISSION_VALIDATION_ERROR naming markers", operation = SUBMIT)
    void thirteen_markers_are_refused(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        markers(body).remove(13);

        assertPanelError(primary, body, "markers");
    }

    @Check(id = "PANEL-02", rule = "CONTRACT.md D11 (marker panel → SUBMISSION_VALIDATION_ERROR); CONTRACT.md O1", title = "A marker in the wrong unit answers 400 SUBMISSION_VALIDATION_ERROR naming markers.<CODE>.unit",
            operation = SUBMIT)
    void a_marker_in_the_wrong_unit_is_refused(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        ObjectNode marker = marker(body, 1);
        marker.put("unit", "mg/dL");

        assertPanelError(primary, body, "markers." + marker.path("code").asText() + ".unit");
    }

    @Check(id = "PANEL-03", rule = "CONTRACT.md D11 (marker panel → SUBMISSION_VALIDATION_ERROR); CONTRACT.md O1", title = "A negative marker value answers 400 SUBMISSION_VALIDATION_ERROR naming markers.<CODE>.value",
            operation = SUBMIT)
    void a_negative_marker_value_is_refused(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        ObjectNode marker = marker(body, 9);
        marker.put("value", -0.4);

        assertPanelError(primary, body, "markers." + marker.path("code").asText() + ".value");
    }

    @Check(id = "PANEL-04", rule = "CONTRACT.md D11 (marker panel → SUBMISSION_VALIDATION_ERROR); CONTRACT.md O1", title = "-1 is not allowed as a marker value: 400 SUBMISSION_VALIDATION_ERROR naming markers.<CODE>.value",
            operation = SUBMIT)
    void the_not_applicable_sentinel_is_refused_on_markers(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        ObjectNode marker = marker(body, 7);
        marker.put("value", -1);

        assertPanelError(primary, body, "markers." + marker.path("code").asText() + ".value");
    }

    @Check(id = "PANEL-05", rule = "CONTRACT.md D11 (marker panel → SUBMISSION_VALIDATION_ERROR); CONTRACT.md O1", title = "A code sent twice (14 markers, one missing) answers 400 SUBMISSION_VALIDATION_ERROR naming markers",
            operation = SUBMIT)
    void a_duplicate_code_is_refused(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        markers(body).set(13, marker(body, 1).deepCopy());

        assertPanelError(primary, body, "markers", "markers." + marker(body, 1).path("code").asText());
    }

    @Check(id = "PANEL-06", rule = "CONTRACT.md D11 (marker panel → SUBMISSION_VALIDATION_ERROR); CONTRACT.md O1", title = "An unknown code in place of a panel marker answers 400 SUBMISSION_VALIDATION_ERROR naming markers",
            operation = SUBMIT)
    void an_unknown_code_is_refused(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        ObjectNode marker = marker(body, 13);
        marker.put("code", "HBA1C_PERCENT");
        marker.put("unit", "%");
        marker.put("value", 5.6);

        assertPanelError(primary, body, "markers", "markers.HBA1C_PERCENT", "markers.HBA1C_PERCENT.code");
    }

    @Check(id = "PANEL-07", rule = "CONTRACT.md D11 (marker panel → SUBMISSION_VALIDATION_ERROR); CONTRACT.md O1", title = "15 markers (one code twice) answer 400 SUBMISSION_VALIDATION_ERROR naming markers", operation = SUBMIT)
    void fifteen_markers_are_refused(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        markers(body).add(marker(body, 0).deepCopy());

        assertPanelError(primary, body, "markers", "markers." + marker(body, 0).path("code").asText());
    }

    private static void assertPanelError(Credential primary, ObjectNode body, String... acceptedFields) {
        Response response = PartnerIdChecks.post(primary, body, Api.newCorrelationId());

        JsonNode error = ErrorEnvelope.assertError(response, 400, "SUBMISSION_VALIDATION_ERROR");
        ErrorEnvelope.assertPanelField(error, acceptedFields);
    }

    private static ArrayNode markers(ObjectNode body) {
        return (ArrayNode) body.path("markers");
    }

    private static ObjectNode marker(ObjectNode body, int index) {
        return (ObjectNode) markers(body).get(index);
    }
}
