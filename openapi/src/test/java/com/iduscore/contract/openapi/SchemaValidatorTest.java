package com.iduscore.contract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.contract.openapi.SchemaValidator.Violation;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaValidatorTest {

    private final SchemaValidator validator = SchemaValidator.shared();

    @Test
    void shared_is_built_once() {
        assertThat(SchemaValidator.shared()).isSameAs(validator);
    }

    @Test
    void an_unknown_schema_name_is_a_programming_error_that_names_the_known_ones() {
        assertThatThrownBy(() -> validator.validate("CanonicalSubmission", json("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CanonicalSubmission")
                .hasMessageContaining("CanonicalSubmissionV1");
    }

    @Test
    void formats_are_asserted_not_just_annotated() {
        JsonNode artifact = json("""
                {"artifactId":"not-a-uuid","type":"pdf","typeLabel":"PDF","availability":"available","availabilityLabel":"Available",
                 "access":{"downloadUrl":"not a uri","expiresAt":"tomorrow"},"generatedAt":"2026-04-12T15:30:00.000Z"}""");
        assertThat(validator.validate("PartnerResultArtifactItem", artifact))
                .extracting(Violation::path, Violation::keyword)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("artifactId", "format"),
                        org.assertj.core.groups.Tuple.tuple("access.downloadUrl", "format"),
                        org.assertj.core.groups.Tuple.tuple("access.expiresAt", "format"));
    }

    @Test
    void paths_are_dotted_with_the_missing_or_unknown_key_appended() {
        JsonNode envelope = json("{\"error\":{\"code\":\"NOT_FOUND\",\"requestId\":\"r-1\",\"hint\":\"x\"},\"status\":404}");
        assertThat(validator.validate("ErrorEnvelope", envelope))
                .extracting(Violation::path, Violation::keyword)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("error.message", "required"),
                        org.assertj.core.groups.Tuple.tuple("error.hint", "additionalProperties"),
                        org.assertj.core.groups.Tuple.tuple("status", "additionalProperties"));
    }

    @Test
    void error_details_take_either_documented_shape_and_nothing_else() {
        String base = "{\"error\":{\"code\":\"C\",\"message\":\"m\",\"requestId\":\"r\",\"details\":%s}}";
        assertThat(validator.validate("ErrorEnvelope", json(base.formatted("{\"formErrors\":[],\"fieldErrors\":{\"a.b\":[\"x\"]}}")))).isEmpty();
        assertThat(validator.validate("ErrorEnvelope", json(base.formatted("[{\"field\":\"markers\",\"message\":\"Expected 14\"}]")))).isEmpty();
        assertThat(validator.validate("ErrorEnvelope", json(base.formatted("{}")))).isNotEmpty();
        assertThat(validator.validate("ErrorEnvelope", json(base.formatted("[]")))).isNotEmpty();
        assertThat(validator.validate("ErrorEnvelope", json(base.formatted("\"text\"")))).isNotEmpty();
    }

    @Test
    void a_webhook_event_needs_every_field_and_allows_a_null_partner_reference() {
        JsonNode event = OpenApiContract.document().at("/components/schemas/ResultReadyWebhookEvent/example").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) event).putNull("partnerSubmissionId");
        assertThat(validator.validate("ResultReadyWebhookEvent", event)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) event).remove("reportId");
        assertThat(validator.validate("ResultReadyWebhookEvent", event)).extracting(Violation::path).containsExactly("reportId");
    }

    @Test
    void preload_compiles_up_front_and_refuses_unknown_names() {
        assertThat(validator.preload("CanonicalSubmissionV1", "ErrorEnvelope")).isSameAs(validator);
        assertThatThrownBy(() -> validator.preload("Nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_null_instance_is_validated_as_json_null() {
        assertThat(validator.validate("HealthResponse", null)).extracting(Violation::keyword).containsExactly("type");
    }

    @Test
    void validates_inline_schemas_by_pointer() {
        String ready503 = "/paths/~1health~1ready/get/responses/503/content/application~1json/schema";
        assertThat(validator.validateAt(ready503, json("{\"status\":\"unavailable\",\"timestamp\":\"2026-04-27T00:00:05.000Z\"}"))).isEmpty();
        assertThat(validator.validateAt(ready503, json("{\"status\":\"ok\",\"timestamp\":\"2026-04-27T00:00:05.000Z\"}")))
                .extracting(Violation::path).containsExactly("status");
        assertThatThrownBy(() -> validator.validateAt("/paths/~1nope", json("{}"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode json(String text) {
        try {
            return Fixtures.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
