package com.iduscore.contract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code example} and {@code examples.*.value} in the document validates against the schema beside it: a media
 * type's, a parameter's or a header's {@code schema}, or, for an {@code example} inside a schema, that schema itself.
 */
class DocumentExamplesTest {

    private static final JsonNode DOC = OpenApiContract.document();

    record Example(String examplePointer, String schemaPointer, JsonNode value) {
    }

    @TestFactory
    Stream<DynamicTest> every_example_validates_against_the_schema_beside_it() {
        return examples().stream().map(e -> DynamicTest.dynamicTest(e.examplePointer(), () ->
                assertThat(SchemaValidator.shared().validateAt(e.schemaPointer(), e.value()))
                        .as("%s against %s", e.examplePointer(), e.schemaPointer())
                        .isEmpty()));
    }

    @Test
    void the_walk_finds_the_examples_it_should() {
        List<Example> all = examples();
        assertThat(all).hasSizeGreaterThan(60);
        assertThat(all).extracting(Example::examplePointer).contains(
                "/paths/~1v1~1submissions/post/requestBody/content/application~1json/examples/complete/value",
                "/components/responses/SubmissionBadRequest/content/application~1json/examples/markerPanel/value",
                "/components/schemas/ResultReadyWebhookEvent/example",
                "/components/headers/XRequestId/example",
                "/components/schemas/CanonicalSourceMetadata/properties/sourceSystem/example");
    }

    @Test
    void an_example_that_breaks_its_schema_is_caught() {
        JsonNode broken = DOC.at("/components/schemas/PartnerSubmissionAcceptedResponse/example").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("createdAt", "yesterday");
        assertThat(SchemaValidator.shared().validateAt("/components/schemas/PartnerSubmissionAcceptedResponse", broken))
                .extracting(SchemaValidator.Violation::path).containsExactly("createdAt");
    }

    @Test
    void the_request_examples_are_the_valid_fixtures() {
        JsonNode examples = DOC.at("/paths/~1v1~1submissions/post/requestBody/content/application~1json/examples");
        assertThat(examples.at("/complete/value")).isEqualTo(Fixtures.complete());
        assertThat(examples.at("/minimal/value")).isEqualTo(Fixtures.minimal());
    }

    @Test
    void every_error_code_of_the_contract_has_an_example() {
        List<String> codes = new ArrayList<>();
        for (Example e : examples()) {
            JsonNode code = e.value().at("/error/code");
            if (code.isTextual()) {
                codes.add(code.asText());
            }
        }
        assertThat(codes).contains("VALIDATION_ERROR", "SUBMISSION_VALIDATION_ERROR", "INVALID_API_KEY", "TENANT_INACTIVE",
                "PARTNER_ID_MISMATCH", "FORBIDDEN", "NOT_FOUND", "IDEMPOTENCY_CONFLICT", "PAYLOAD_TOO_LARGE",
                "UNSUPPORTED_MEDIA_TYPE", "RATE_LIMITED", "INTERNAL_ERROR");
    }

    static List<Example> examples() {
        List<Example> out = new ArrayList<>();
        walk(DOC, "", false, out);
        return out;
    }

    private static void walk(JsonNode node, String pointer, boolean insideSchema, List<Example> out) {
        if (node.isObject()) {
            boolean isSchema = insideSchema || pointer.matches("/components/schemas/[^/]+");
            JsonNode schema = node.get("schema");
            if (!isSchema && schema != null && schema.isObject()) {
                if (node.has("example")) {
                    out.add(new Example(pointer + "/example", pointer + "/schema", node.get("example")));
                }
                node.path("examples").properties().forEach(e -> {
                    if (e.getValue().has("value")) {
                        out.add(new Example(pointer + "/examples/" + escape(e.getKey()) + "/value", pointer + "/schema", e.getValue().get("value")));
                    }
                });
            }
            if (isSchema && node.has("example")) {
                out.add(new Example(pointer + "/example", pointer, node.get("example")));
            }
            node.properties().forEach(e -> {
                if (e.getKey().equals("example") || e.getKey().equals("examples")) {
                    return;
                }
                boolean childIsSchema = isSchema || e.getKey().equals("schema");
                walk(e.getValue(), pointer + "/" + escape(e.getKey()), childIsSchema, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, insideSchema, out);
            }
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
