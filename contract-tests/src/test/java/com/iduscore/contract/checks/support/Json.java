package com.iduscore.contract.checks.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.openapi.OpenApiContract;
import io.restassured.response.Response;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.fail;

/** JSON for the checks: response bodies as trees, timestamps, and values read from the pinned document. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The response body as a tree; fails the check, quoting the body, when it is not JSON. */
    public static JsonNode body(Response response) {
        byte[] bytes = response.asByteArray();
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                fail("expected a JSON body, got an empty body (HTTP %d)", response.statusCode());
            }
            return node;
        } catch (IOException e) {
            return fail("expected a JSON body (HTTP %d), got: %s", response.statusCode(), response.asString());
        }
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return fail("not JSON: %s (%s)", text, e.getOriginalMessage());
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array(String... values) {
        ArrayNode array = MAPPER.createArrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    /** The field names of an object, in order. */
    public static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A date-time field as an instant, null when the field is null or absent; fails when it is not RFC 3339. */
    public static Instant instant(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return fail("%s is not an RFC 3339 date-time: %s", field, value);
        }
    }

    /** The text values of an array. */
    public static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /**
     * The values of an enum of the pinned document's component schemas, in document order; e.g. the job types in
     * pipeline order. Read from the contract, never copied.
     */
    public static List<String> contractEnum(String schemaName) {
        JsonNode values = OpenApiContract.document().at("/components/schemas/" + schemaName + "/enum");
        if (!values.isArray() || values.isEmpty()) {
            throw new IllegalStateException("components.schemas." + schemaName + " has no enum in the pinned document");
        }
        return texts(values);
    }
}
