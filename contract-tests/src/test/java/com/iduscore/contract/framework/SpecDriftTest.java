package com.iduscore.contract.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.iduscore.contract.drift.DriftReport;
import com.iduscore.contract.drift.SpecDrift;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecDriftTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_pinned_document_published_as_json_has_no_drift() throws Exception {
        String pinned = SpecDrift.pinnedDocument();
        String asJson = JSON.writeValueAsString(YAML.readTree(pinned));

        DriftReport report = SpecDrift.againstPinned(asJson);

        assertThat(report.breaking()).isEmpty();
        assertThat(report.compatible()).isTrue();
    }

    /** One modified copy carries every change, so openapi-diff (seconds per comparison) runs once for all of them. */
    private static DriftReport modified;

    @BeforeAll
    static void compare_a_modified_copy() throws Exception {
        ObjectNode doc = pinned();
        ((ObjectNode) doc.path("paths")).remove("/v1/jobs/{jobId}");
        removeEnumValue(doc.at("/components/schemas/PartnerSubmissionPublicStatus/enum"), "rejected");
        ObjectNode canonical = (ObjectNode) doc.at("/components/schemas/CanonicalSubmissionV1");
        ((ObjectNode) canonical.path("properties")).putObject("consentId").put("type", "string");
        ((ArrayNode) canonical.path("required")).add("consentId");
        ObjectNode accepted = (ObjectNode) doc.at("/components/schemas/PartnerSubmissionAcceptedResponse");
        ((ObjectNode) accepted.path("properties")).remove("statusLabel");
        removeEnumValue(accepted.path("required"), "statusLabel");
        ObjectNode extra = ((ObjectNode) doc.path("paths")).putObject("/v1/extra");
        extra.putObject("get").putObject("responses").putObject("200").put("description", "ok");

        modified = SpecDrift.againstPinned(JSON.writeValueAsString(doc));
    }

    @Test
    void reports_a_removed_path_as_breaking() {
        assertThat(modified.compatible()).isFalse();
        assertThat(modified.breaking()).contains("removed operation GET /v1/jobs/{jobId}");
        assertThat(modified.describeBreaking()).contains("removed operation GET /v1/jobs/{jobId}");
    }

    @Test
    void reports_a_removed_enum_value_as_breaking() {
        assertThat(modified.breaking()).anySatisfy(line -> assertThat(line)
                .contains("GET /v1/submissions/{submissionId} response 200").contains("no longer uses enum value 'rejected'"));
    }

    @Test
    void reports_a_new_required_request_field_and_a_removed_response_field_as_breaking() {
        assertThat(modified.breaking()).anySatisfy(line -> assertThat(line)
                .contains("POST /v1/submissions request body").contains("new required request field 'consentId'"));
        assertThat(modified.breaking()).anySatisfy(line -> assertThat(line)
                .contains("POST /v1/submissions response 202").contains("field 'statusLabel' removed"));
    }

    @Test
    void lists_a_new_operation_as_compatible_not_breaking() {
        assertThat(modified.nonBreaking()).contains("new operation GET /v1/extra");
        assertThat(modified.breaking()).noneSatisfy(line -> assertThat(line).contains("/v1/extra"));
    }

    @Test
    void refuses_a_document_that_is_not_openapi() {
        assertThatThrownBy(() -> SpecDrift.againstPinned("{\"hello\":\"world\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the Partner API's OpenAPI document");
    }

    private static ObjectNode pinned() throws Exception {
        return (ObjectNode) YAML.readTree(SpecDrift.pinnedDocument());
    }

    private static void removeEnumValue(JsonNode array, String value) {
        assertThat(array.isArray()).as("expected an array to remove '%s' from, got %s", value, array).isTrue();
        for (Iterator<JsonNode> it = array.iterator(); it.hasNext(); ) {
            if (it.next().asText().equals(value)) {
                it.remove();
                return;
            }
        }
        throw new AssertionError("'" + value + "' not in " + array);
    }
}
