package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.checks.support.Json;
import com.iduscore.contract.checks.support.Yaml;
import com.iduscore.contract.drift.DriftReport;
import com.iduscore.contract.drift.SpecDrift;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.openapi.OpenApiContract;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * PLAT and DRIFT: the public platform routes (liveness, readiness, the OpenAPI document) need no key and answer as
 * CONTRACT.md D10 says; the published document has not drifted from the pinned one in a way that breaks partners.
 */
@ConformanceTest
class PlatformChecks {

    @Check(id = "PLAT-01", rule = "CONTRACT.md D10 (health)", title = "GET /health answers 200 {status: ok, timestamp} without a key",
            operation = "GET /health", writes = false)
    void health_answers_ok_with_a_timestamp_without_a_key() {
        Response response = Api.givenAnonymous().get("/health");

        assertThat(response.statusCode()).as("status of GET /health").isEqualTo(200);
        assertThat(response.contentType()).as("content type").startsWith("application/json");
        JsonNode body = Json.body(response);
        assertThat(body.path("status").asText()).as("status field").isEqualTo("ok");
        assertThat(Json.instant(body, "timestamp")).as("timestamp is a date-time").isNotNull();
    }

    @Check(id = "PLAT-02", rule = "CONTRACT.md D10 (health)", title = "GET /health/ready answers 200 {status: ok} or 503 {status: unavailable} without a key",
            operation = "GET /health/ready", writes = false)
    void readiness_answers_ok_or_unavailable_without_a_key() {
        Response response = Api.givenAnonymous().get("/health/ready");

        assertThat(response.statusCode()).as("status of GET /health/ready (200 ready, 503 not ready)").isIn(200, 503);
        JsonNode body = Json.body(response);
        if (response.statusCode() == 200) {
            assertThat(body.path("status").asText()).as("status field of a 200").isEqualTo("ok");
            assertThat(Json.instant(body, "timestamp")).as("timestamp").isNotNull();
        } else if (body.has("error")) {
            // the other documented form of a 503: the error envelope
            assertThat(body.path("error").path("requestId").asText()).as("error.requestId equals x-request-id")
                    .isEqualTo(response.header("x-request-id"));
        } else {
            assertThat(body.path("status").asText()).as("status field of a 503").isEqualTo("unavailable");
            assertThat(Json.instant(body, "timestamp")).as("timestamp").isNotNull();
        }
    }

    @Check(id = "PLAT-03", rule = "CONTRACT.md D10 (published document); CONTRACT.md D1", title = "GET /openapi.json serves an OpenAPI 3.1 document as application/json without a key",
            operation = "GET /openapi.json", writes = false)
    void openapi_json_is_served_without_a_key() {
        Response response = Api.givenAnonymous().get("/openapi.json");

        assertThat(response.statusCode()).as("status of GET /openapi.json").isEqualTo(200);
        assertThat(response.contentType()).as("content type").startsWith("application/json");
        JsonNode document = Json.body(response);
        assertThat(document.path("openapi").asText()).as("openapi version").startsWith("3.1.");
        assertThat(Json.fieldNames(document.path("paths"))).as("paths of the published document")
                .contains("/v1/submissions", "/v1/submissions/{submissionId}", "/v1/jobs/{jobId}", "/v1/results/{resultId}");
    }

    @Check(id = "PLAT-04", rule = "CONTRACT.md D10 (published document); CONTRACT.md D1", title = "GET /openapi.yaml serves the document as application/yaml without a key",
            operation = "GET /openapi.yaml", writes = false)
    void openapi_yaml_is_served_without_a_key() {
        Response response = Api.givenAnonymous().get("/openapi.yaml");

        assertThat(response.statusCode()).as("status of GET /openapi.yaml").isEqualTo(200);
        assertThat(response.contentType()).as("content type").startsWith("application/yaml");
        JsonNode document = yaml(response.asString());
        assertThat(document.path("openapi").asText()).as("openapi version").startsWith("3.1.");
    }

    @Check(id = "PLAT-05", rule = "CONTRACT.md D10; CONTRACT.md O7 (YAML compared by meaning)", title = "/openapi.json and /openapi.yaml are the same document",
            operation = "GET /openapi.json", writes = false)
    void openapi_json_and_yaml_are_the_same_document() {
        JsonNode json = Json.body(Api.givenAnonymous().get("/openapi.json"));
        JsonNode yaml = yaml(Api.givenAnonymous().get("/openapi.yaml").asString());

        if (!Yaml.sameMeaning(yaml, json)) {
            throw new AssertionError("expected /openapi.yaml, read as YAML 1.2 (anchors and aliases resolved, style and"
                    + " quoting ignored; CONTRACT.md O7), to mean the same document as /openapi.json, but they differ: "
                    + firstDifference("", yaml, json) + ". Likely cause: the two routes serve different versions of the document.");
        }
    }

    @Check(id = "PLAT-06", rule = "CONTRACT.md D10 (platform routes need no key)", title = "The platform routes ignore API keys: an unknown key still gets 200 from /health and /openapi.json",
            operation = "GET /health", writes = false)
    void platform_routes_ignore_api_keys() {
        String unknown = "idu_unknown_" + java.util.UUID.randomUUID();

        assertThat(Api.givenInvalidAnonymous().header("X-Api-Key", unknown).get("/health").statusCode())
                .as("GET /health with an unknown X-Api-Key").isEqualTo(200);
        assertThat(Api.givenInvalidAnonymous().header("Authorization", "Bearer " + unknown).get("/openapi.json").statusCode())
                .as("GET /openapi.json with an unknown Bearer token").isEqualTo(200);
    }

    @Check(id = "DRIFT-01", rule = "CONTRACT.md D1; OpenAPI document (breaking differences only)", title = "The published /openapi.json has no breaking difference from the pinned contract",
            operation = "GET /openapi.json", writes = false)
    void published_document_has_no_breaking_drift_from_the_pinned_one() {
        Response response = Api.givenAnonymous().get("/openapi.json");
        assertThat(response.statusCode()).as("status of GET /openapi.json").isEqualTo(200);

        DriftReport drift = SpecDrift.compare(OpenApiContract.yaml(), response.asString());

        assertThat(drift.compatible()).as("breaking differences between the pinned contract and the deployment:%n%s",
                drift.describeBreaking()).isTrue();
    }

    private static JsonNode yaml(String text) {
        try {
            return Yaml.parse(text);
        } catch (IllegalArgumentException e) {
            return fail("GET /openapi.yaml is not YAML: %s", e.getMessage());
        }
    }

    /** Where two trees first differ, as a JSON pointer and both values (shortened). */
    static String firstDifference(String at, JsonNode yaml, JsonNode json) {
        if (yaml.isObject() && json.isObject()) {
            for (String name : Json.fieldNames(json)) {
                if (!yaml.has(name)) {
                    return at + "/" + name + " is missing from the YAML";
                }
                if (!yaml.get(name).equals(Yaml.BY_MEANING, json.get(name))) {
                    return firstDifference(at + "/" + name, yaml.get(name), json.get(name));
                }
            }
            for (String name : Json.fieldNames(yaml)) {
                if (!json.has(name)) {
                    return at + "/" + name + " is only in the YAML";
                }
            }
        }
        if (yaml.isArray() && json.isArray() && yaml.size() == json.size()) {
            for (int i = 0; i < json.size(); i++) {
                if (!yaml.get(i).equals(Yaml.BY_MEANING, json.get(i))) {
                    return firstDifference(at + "/" + i, yaml.get(i), json.get(i));
                }
            }
        }
        return (at.isEmpty() ? "/" : at) + ": YAML " + shorten(yaml) + " vs JSON " + shorten(json);
    }

    private static String shorten(JsonNode node) {
        String text = node.toString();
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
