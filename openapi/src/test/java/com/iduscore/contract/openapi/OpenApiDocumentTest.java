package com.iduscore.contract.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class OpenApiDocumentTest {

    private final JsonNode doc = OpenApiContract.document();

    @Test
    void loads_in_the_swagger_parser_as_openapi_3_1_without_any_message() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(OpenApiContract.yaml(), null, options);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(result.getOpenAPI().getWebhooks()).containsKey("result.ready");
    }

    @Test
    void loads_in_the_atlassian_interaction_validator() {
        assertThatCode(() -> OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiContract.yaml()).build())
                .doesNotThrowAnyException();
    }

    @Test
    void json_and_yaml_accessors_describe_the_same_document() throws IOException {
        assertThat(new ObjectMapper().readTree(OpenApiContract.json())).isEqualTo(new YAMLMapper().readTree(OpenApiContract.yaml()));
        assertThat(OpenApiContract.document()).isSameAs(OpenApiContract.document());
    }

    @Test
    void keeps_the_seed_info_and_adds_the_license_identifier_servers_and_tags() {
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/info/title").asText()).isEqualTo("IduScore Partner & Platform API");
        assertThat(doc.at("/info/version").asText()).isEqualTo("0.1.0");
        assertThat(doc.at("/info/description").asText()).isEqualTo(seed("get-job").at("/info/description").asText());
        assertThat(doc.at("/info/license/name").asText()).isEqualTo("Proprietary");
        assertThat(doc.at("/info/license/identifier").asText()).isEqualTo("LicenseRef-Proprietary");
        assertThat(texts(doc.path("servers"), "url")).containsExactly(
                "https://api.idunox.com", "https://api-test.idunox.com",
                "https://andres-test-submission-api-oymsigepna-ew.a.run.app", "http://127.0.0.1:8080");
        assertThat(texts(doc.path("tags"), "name")).containsExactly("Submissions", "Jobs", "Results", "Webhooks", "Platform", "Diagnostics");
        assertThat(doc.path("tags")).isEqualTo(seed("get-job").path("tags"));
    }

    @Test
    void has_every_path_and_method_of_the_brief() {
        Map<String, Set<String>> expected = Map.of(
                "/health", Set.of("get"),
                "/health/ready", Set.of("get"),
                "/openapi.json", Set.of("get"),
                "/openapi.yaml", Set.of("get"),
                "/v1/partner-auth-probe", Set.of("get", "post", "options"),
                "/v1/submissions", Set.of("post", "options"),
                "/v1/submissions/{submissionId}", Set.of("get", "options"),
                "/v1/jobs/{jobId}", Set.of("get", "options"),
                "/v1/results/{resultId}", Set.of("get", "options"),
                "/_reference/outbound-webhooks/result_ready", Set.of("post"));
        List<String> actualPaths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(actualPaths::add);
        assertThat(actualPaths).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((path, methods) -> {
            List<String> actual = new ArrayList<>();
            doc.path("paths").path(path).fieldNames().forEachRemaining(actual::add);
            assertThat(actual).as(path).containsExactlyInAnyOrderElementsOf(methods);
        });
        assertThat(doc.at("/webhooks/result.ready/post/requestBody/$ref").asText())
                .isEqualTo("#/components/requestBodies/ResultReadyWebhook");
    }

    @Test
    void every_v1_operation_accepts_both_schemes_and_preflight_needs_none() {
        doc.path("paths").properties().stream().filter(p -> p.getKey().startsWith("/v1/")).forEach(path ->
                path.getValue().properties().forEach(op -> {
                    JsonNode security = op.getValue().path("security");
                    if (op.getKey().equals("options")) {
                        assertThat(security.isArray() && security.isEmpty()).as("OPTIONS " + path.getKey() + " security").isTrue();
                        assertThat(op.getValue().at("/responses/204/$ref").asText()).isEqualTo("#/components/responses/CorsPreflight");
                    } else {
                        assertThat(security.toString()).as(op.getKey() + " " + path.getKey())
                                .isEqualTo("[{\"partnerApiKey\":[]},{\"partnerBearer\":[]}]");
                    }
                }));
        assertThat(doc.at("/components/securitySchemes")).isEqualTo(seed("get-job").at("/components/securitySchemes"));
    }

    @Test
    void every_api_response_declares_the_x_request_id_header_as_required() {
        List<String> missing = new ArrayList<>();
        doc.path("paths").properties().stream().filter(p -> !p.getKey().startsWith("/_reference/")).forEach(path ->
                path.getValue().properties().forEach(op -> op.getValue().path("responses").properties().forEach(r -> {
                    JsonNode response = resolve(r.getValue());
                    if (!resolve(response.at("/headers/x-request-id")).path("required").asBoolean(false)) {
                        missing.add(op.getKey() + " " + path.getKey() + " " + r.getKey());
                    }
                })));
        assertThat(missing).isEmpty();
    }

    @Test
    void the_submission_post_documents_its_headers_and_every_error_status() {
        JsonNode post = doc.at("/paths/~1v1~1submissions/post");
        List<String> params = new ArrayList<>();
        post.path("parameters").forEach(p -> params.add(resolve(p).path("name").asText() + (resolve(p).path("required").asBoolean() ? "!" : "?")));
        assertThat(params).containsExactlyInAnyOrder("Idempotency-Key!", "x-correlation-id!", "x-request-id?");
        List<String> statuses = new ArrayList<>();
        post.path("responses").fieldNames().forEachRemaining(statuses::add);
        assertThat(statuses).containsExactly("202", "400", "401", "403", "409", "413", "415", "429", "500");
        assertThat(post.at("/responses/202/headers/Idempotent-Replayed")).isNotNull();
        assertThat(resolve(post.at("/responses/429")).at("/headers/Retry-After/$ref").asText()).isEqualTo("#/components/headers/RetryAfter");
    }

    /** Atlassian's validator closes any schema with {@code properties} that does not say otherwise; say it everywhere. */
    @Test
    void every_schema_with_properties_states_additionalProperties_explicitly() {
        List<String> implicit = new ArrayList<>();
        walkSchemas(doc, "", implicit);
        assertThat(implicit).isEmpty();
    }

    @Test
    void response_schemas_are_closed_except_errorDetail_and_the_openapi_document() {
        List<String> open = new ArrayList<>();
        for (String name : List.of("PartnerSubmissionAcceptedResponse", "PartnerSubmissionDetailResponse", "PartnerJobSummary",
                "PartnerJobDetailResponse", "PartnerResultDetailResponse", "PartnerOutcomeSummaryPublicV1",
                "PartnerResultArtifactItem", "ErrorEnvelope", "ValidationErrorDetails", "HealthResponse", "ResultReadyWebhookEvent")) {
            collectOpenObjects(doc.at("/components/schemas/" + name), "#/components/schemas/" + name, open);
        }
        assertThat(open).containsExactly("#/components/schemas/PartnerJobDetailResponse/properties/errorDetail");
    }

    @Test
    void job_and_result_schemas_are_the_seed_schemas_field_for_field() {
        JsonNode job = seed("get-job");
        JsonNode result = seed("get-result");
        for (String name : List.of("PartnerJobDetailResponse", "PartnerProcessingJobTypePublic", "PartnerProcessingJobStatusPublic")) {
            assertThat(doc.at("/components/schemas/" + name)).as(name).isEqualTo(job.at("/components/schemas/" + name));
        }
        for (String name : List.of("PartnerResultDetailResponse", "PartnerSubmissionPublicStatus", "PartnerOutcomeSummaryPublicV1",
                "PartnerResultArtifactItem", "PartnerOutcomePublicId")) {
            assertThat(doc.at("/components/schemas/" + name)).as(name).isEqualTo(result.at("/components/schemas/" + name));
        }
        for (String name : List.of("PathJobId", "HeaderRequestIdOptional")) {
            assertThat(doc.at("/components/parameters/" + name)).as(name).isEqualTo(job.at("/components/parameters/" + name));
        }
        assertThat(doc.at("/components/parameters/PathResultId")).isEqualTo(result.at("/components/parameters/PathResultId"));
        // the seed envelope, closed at both levels (CONTRACT.md D4)
        JsonNode seedEnvelope = job.at("/components/schemas/ErrorEnvelope");
        JsonNode ours = doc.at("/components/schemas/ErrorEnvelope");
        assertThat(ours.path("required")).isEqualTo(seedEnvelope.path("required"));
        assertThat(ours.at("/properties/error/required")).isEqualTo(seedEnvelope.at("/properties/error/required"));
        assertThat(names(ours.at("/properties/error/properties"))).isEqualTo(names(seedEnvelope.at("/properties/error/properties")));
        assertThat(ours.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(ours.at("/properties/error/additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void names_everyone_relies_on_exist() {
        assertThat(names(doc.at("/components/schemas"))).contains(
                "CanonicalSubmissionV1", "PartnerSubmissionAcceptedResponse", "PartnerSubmissionDetailResponse", "PartnerJobSummary",
                "PartnerJobDetailResponse", "PartnerResultDetailResponse", "PartnerSubmissionPublicStatus",
                "PartnerProcessingJobTypePublic", "PartnerProcessingJobStatusPublic", "PartnerOutcomeSummaryPublicV1",
                "PartnerResultArtifactItem", "PartnerOutcomePublicId", "ErrorEnvelope", "HealthResponse", "ResultReadyWebhookEvent");
        assertThat(doc.at("/paths/~1v1~1submissions/post/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/CanonicalSubmissionV1");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static void walkSchemas(JsonNode node, String pointer, List<String> implicit) {
        if (node.isObject()) {
            if (node.path("properties").isObject() && !node.has("additionalProperties") && !pointer.endsWith("/properties")) {
                implicit.add(pointer);
            }
            node.properties().forEach(e -> {
                if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                    walkSchemas(e.getValue(), pointer + "/" + e.getKey(), implicit);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkSchemas(node.get(i), pointer + "/" + i, implicit);
            }
        }
    }

    /** Object schemas (reached through properties, items and combinators, not through $ref) that allow unknown keys. */
    private static void collectOpenObjects(JsonNode schema, String pointer, List<String> open) {
        if (!schema.isObject() || schema.has("$ref")) {
            return;
        }
        boolean objectType = schema.path("type").asText().equals("object")
                || (schema.path("type").isArray() && schema.path("type").toString().contains("\"object\""));
        JsonNode additional = schema.path("additionalProperties");
        if (objectType && (additional.isMissingNode() || (additional.isBoolean() && additional.asBoolean()))) {
            open.add(pointer);
        }
        schema.path("properties").properties().forEach(p -> collectOpenObjects(p.getValue(), pointer + "/properties/" + p.getKey(), open));
        collectOpenObjects(schema.path("items"), pointer + "/items", open);
        if (additional.isObject()) {
            collectOpenObjects(additional, pointer + "/additionalProperties", open);
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            JsonNode branches = schema.path(combinator);
            for (int i = 0; i < branches.size(); i++) {
                collectOpenObjects(branches.get(i), pointer + "/" + combinator + "/" + i, open);
            }
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The OpenAPI block of a seed page (test resource copied verbatim from the contract's seeds folder). */
    static JsonNode seed(String name) {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/seeds/" + name + ".openapi.yaml")) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
