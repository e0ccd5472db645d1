package com.iduscore.proxy.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.contract.openapi.OpenApiContract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of the responses seen for one operation and status: every JSON path ({@code $.items[*].status}) with the
 * types it had, the values seen at enumerated fields, and the response header names. Paths of arrays use {@code [*]};
 * object keys under {@code additionalProperties} maps are still named (a map key is a field name here).
 */
final class Shape {

    /** Property names the contract gives an {@code enum} (or {@code const}): their values are compared, others not. */
    static final Set<String> ENUM_FIELDS = enumFields(OpenApiContract.document());

    final Map<String, Set<String>> types = new TreeMap<>();
    final Map<String, Set<String>> enumValues = new TreeMap<>();
    final Set<String> headers = new TreeSet<>();
    int samples;

    void add(JsonNode body, Iterable<String> headerNames, Set<String> ignoredHeaders) {
        samples++;
        if (body != null) {
            walk("$", null, body);
        }
        for (String name : headerNames) {
            String n = name.toLowerCase(Locale.ROOT);
            if (!ignoredHeaders.contains(n)) {
                headers.add(n);
            }
        }
    }

    private void walk(String path, String field, JsonNode node) {
        types.computeIfAbsent(path, k -> new TreeSet<>()).add(type(node));
        if (node.isObject()) {
            node.properties().forEach(e -> walk(path + "." + e.getKey(), e.getKey(), e.getValue()));
        } else if (node.isArray()) {
            node.forEach(item -> walk(path + "[*]", field, item));
        } else if (node.isTextual() && field != null && ENUM_FIELDS.contains(field)) {
            enumValues.computeIfAbsent(path, k -> new TreeSet<>()).add(node.asText());
        }
    }

    static String type(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static Set<String> enumFields(JsonNode document) {
        Set<String> names = new HashSet<>();
        collect(document, document, names, 0);
        return Set.copyOf(names);
    }

    private static void collect(JsonNode document, JsonNode node, Set<String> names, int depth) {
        if (depth > 64 || node == null) {
            return;
        }
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.properties().forEach(p -> {
                    if (enumerated(document, p.getValue())) {
                        names.add(p.getKey());
                    }
                });
            }
            node.forEach(child -> collect(document, child, names, depth + 1));
        } else if (node.isArray()) {
            node.forEach(child -> collect(document, child, names, depth + 1));
        }
    }

    private static boolean enumerated(JsonNode document, JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; hops < 5 && s.has("$ref"); hops++) {
            s = document.at(s.get("$ref").asText().substring(1));
        }
        return s.has("enum") || s.has("const") || (s.path("items").has("enum"));
    }
}
