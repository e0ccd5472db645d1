package com.iduscore.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads constraint values (a {@code maximum}, an {@code enum}, a {@code format}...) out of the OpenAPI document for an
 * instance path, so error messages can quote them without a second copy of the schema in Java.
 *
 * <p>The walk over-approximates: at each step it follows {@code $ref}s (local ones), every branch of {@code allOf},
 * {@code anyOf}, {@code oneOf}, {@code then} and {@code else}, and {@code properties}, {@code patternProperties},
 * {@code additionalProperties} or {@code items}. Callers pick, among the values found, the one the instance actually
 * breaks. Thread-safe (read-only over an immutable tree).
 */
final class SchemaConstraints {
    private static final List<String> BRANCH_KEYWORDS = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> CONDITIONAL_KEYWORDS = List.of("then", "else");

    private final JsonNode document;
    private final JsonNode root;

    SchemaConstraints(JsonNode document, String schemaName) {
        this.document = document;
        this.root = document.path("components").path("schemas").path(schemaName);
    }

    /** Values of {@code keyword} in every schema that may apply at {@code path} (dotted, from the body root). */
    List<JsonNode> values(String path, String keyword) {
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode schema : schemasAt(path)) {
            JsonNode value = schema.get(keyword);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private Collection<JsonNode> schemasAt(String path) {
        Set<JsonNode> current = expand(List.of(root));
        if (path.isEmpty()) {
            return current;
        }
        for (String segment : path.split("\\.", -1)) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode schema : current) {
                child(schema, segment, next);
            }
            current = expand(next);
            if (current.isEmpty()) {
                break;
            }
        }
        return current;
    }

    private static void child(JsonNode schema, String segment, List<JsonNode> into) {
        JsonNode property = schema.path("properties").get(segment);
        if (property != null) {
            into.add(property);
            return;
        }
        boolean matchedPattern = false;
        for (Iterator<Map.Entry<String, JsonNode>> patterns = schema.path("patternProperties").fields();
             patterns.hasNext(); ) {
            Map.Entry<String, JsonNode> pattern = patterns.next();
            if (Pattern.compile(pattern.getKey()).matcher(segment).find()) {
                into.add(pattern.getValue());
                matchedPattern = true;
            }
        }
        if (!matchedPattern && schema.path("additionalProperties").isObject()) {
            into.add(schema.get("additionalProperties"));
        }
        if (isIndex(segment) && schema.path("items").isObject()) {
            into.add(schema.get("items"));
        }
    }

    /** The schemas themselves plus everything they pull in through {@code $ref} and combinators. */
    private Set<JsonNode> expand(List<JsonNode> schemas) {
        // by identity: equality of schema nodes would hash whole subtrees
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<JsonNode> pending = new ArrayList<>(schemas);
        while (!pending.isEmpty()) {
            JsonNode schema = pending.remove(pending.size() - 1);
            if (schema == null || !schema.isObject() || !seen.add(schema)) {
                continue;
            }
            JsonNode ref = schema.get("$ref");
            if (ref != null && ref.isTextual() && ref.textValue().startsWith("#")) {
                pending.add(document.at(ref.textValue().substring(1)));
            }
            for (String keyword : BRANCH_KEYWORDS) {
                schema.path(keyword).forEach(pending::add);
            }
            for (String keyword : CONDITIONAL_KEYWORDS) {
                if (schema.has(keyword)) {
                    pending.add(schema.get(keyword));
                }
            }
        }
        return seen;
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
