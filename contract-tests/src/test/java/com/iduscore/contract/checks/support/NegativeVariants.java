package com.iduscore.contract.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Derives invalid request bodies from a valid one by walking a JSON Schema of the pinned OpenAPI document, so the
 * negative checks follow the contract instead of a hand-written copy of it.
 *
 * <p>For every field the valid body carries, and whose schema says something checkable, one variant per rule:
 * removed (when required), {@code null} (when required and not nullable), a value of the wrong JSON type, a fraction
 * for an integer, below the minimum / above the maximum, too short / too long, too few / too many items, a value
 * outside the enum or const, a malformed {@code uuid} / {@code date-time}, and an unknown key for every closed
 * object. Arrays and maps are walked through their first element only, which keeps the count near one hundred.
 *
 * <p>Every candidate is offered to {@code violations}, the pinned schema's own verdict (the dotted paths it names);
 * a candidate the schema accepts, or rejects without naming the mutated field (e.g. {@code -1}, the "not applicable"
 * sentinel, just below a minimum of 0), is replaced by the next candidate or dropped ({@link #dropped()}). So each
 * variant's expectation is a consequence of the document, not of this walker.
 */
public final class NegativeVariants {

    /** The name of the key added to closed objects. */
    public static final String UNKNOWN_KEY = "unexpectedField";

    /** What was done to the field. The slug ends the check id. */
    public enum Kind {
        MISSING("missing"), NULL("null"), WRONG_TYPE("wrong-type"), FRACTION("fraction"),
        BELOW_MINIMUM("below-minimum"), ABOVE_MAXIMUM("above-maximum"), TOO_SHORT("too-short"),
        TOO_LONG("too-long"), TOO_FEW_ITEMS("too-few-items"), TOO_MANY_ITEMS("too-many-items"),
        NOT_IN_ENUM("not-in-enum"), BAD_FORMAT("bad-format"), UNKNOWN_KEY("unknown-key");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    /**
     * One invalid body. {@code path} is the dotted JSON path of the field (array indexes as numbers; {@code ""} for
     * the top level), the key the API is expected to name in {@code details.fieldErrors}.
     */
    public record Variant(String path, Kind kind, ObjectNode body, String description) {
        public String id() {
            return "VAL-GEN-" + (path.isEmpty() ? "top-level" : path) + "-" + kind.slug();
        }

        /**
         * The {@code fieldErrors} keys that name this variant's field. An unknown key may be reported at the object
         * or at the key itself (Zod reports it at the object; JSON Schema validators at either).
         */
        public List<String> acceptedFieldKeys() {
            if (kind == Kind.UNKNOWN_KEY) {
                return path.isEmpty() ? List.of(UNKNOWN_KEY) : List.of(path, path + "." + UNKNOWN_KEY);
            }
            return List.of(path);
        }
    }

    private final JsonNode document;
    private final Function<JsonNode, Set<String>> violations;
    private final List<Variant> variants = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private ObjectNode root;

    private NegativeVariants(JsonNode document, Function<JsonNode, Set<String>> violations) {
        this.document = document;
        this.violations = violations;
    }

    /**
     * @param document    the OpenAPI document as a tree ({@code $ref}s are resolved against it)
     * @param schema      the schema to walk, e.g. {@code document.at("/components/schemas/CanonicalSubmissionV1")}
     * @param valid       a body the schema accepts; it is not modified
     * @param violations  the dotted paths the pinned schema names when it rejects a whole body (empty: valid)
     */
    public static NegativeVariants generate(JsonNode document, JsonNode schema, ObjectNode valid,
                                            Function<JsonNode, Set<String>> violations) {
        Set<String> baseViolations = violations.apply(valid);
        if (!baseViolations.isEmpty()) {
            throw new IllegalArgumentException("the valid body is rejected by the schema it is to be mutated against: "
                    + baseViolations);
        }
        NegativeVariants walker = new NegativeVariants(document, violations);
        walker.root = valid;
        walker.walkObject(schema, List.of(), valid);
        return walker;
    }

    /** The variants, in walk order (document order of the schema's properties). */
    public List<Variant> variants() {
        return List.copyOf(variants);
    }

    /** Candidates the schema accepted or rejected at another path, with the reason: for the curious and for tests. */
    public List<String> dropped() {
        return List.copyOf(dropped);
    }

    // ---------------------------------------------------------------------------------------------------- walking

    private void walkObject(JsonNode rawSchema, List<Object> path, JsonNode value) {
        Shape shape = shape(rawSchema);
        if (!value.isObject()) {
            return;
        }
        if (shape.closed) {
            offer(path, Kind.UNKNOWN_KEY, "an unknown key '" + UNKNOWN_KEY + "' is added to a closed object",
                    body -> ((ObjectNode) at(body, path)).put(UNKNOWN_KEY, "x"));
        }
        for (Map.Entry<String, JsonNode> property : shape.properties.entrySet()) {
            JsonNode child = value.get(property.getKey());
            if (child == null || child.isNull()) {
                continue;
            }
            walkField(property.getValue(), append(path, property.getKey()), child,
                    shape.required.contains(property.getKey()));
        }
        if (shape.additionalSchema != null) {
            // a map (e.g. markerRanges): its first entry stands for all
            Iterator<String> names = value.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!shape.properties.containsKey(name)) {
                    walkField(shape.additionalSchema, append(path, name), value.get(name), false);
                    break;
                }
            }
        }
    }

    private void walkField(JsonNode rawSchema, List<Object> path, JsonNode value, boolean required) {
        Shape shape = shape(rawSchema);
        if (required) {
            offer(path, Kind.MISSING, "the required field is removed", body -> remove(body, path));
            if (!shape.types.contains("null")) {
                offer(path, Kind.NULL, "the required field is null", body -> set(body, path, JsonNodeFactory.instance.nullNode()));
            }
        }
        JsonNode wrong = wrongTypeValue(shape.types);
        if (wrong != null) {
            offer(path, Kind.WRONG_TYPE, "the field holds a " + wrong.getNodeType().name().toLowerCase()
                    + " instead of " + String.join("|", shape.types), body -> set(body, path, wrong));
        }
        if (shape.types.contains("integer") && !shape.types.contains("number") && value.isNumber()) {
            offer(path, Kind.FRACTION, "an integer field holds a fraction",
                    body -> set(body, path, JsonNodeFactory.instance.numberNode(value.asLong() + 0.5)));
        }
        if (shape.minimum != null) {
            offerFirst(path, Kind.BELOW_MINIMUM, "the number is below the minimum " + shape.minimum,
                    List.of(shape.minimum - 1, shape.minimum - 2, shape.minimum - 100.5).stream()
                            .map(n -> (JsonNode) number(n, shape)).toList());
        }
        if (shape.maximum != null) {
            offerFirst(path, Kind.ABOVE_MAXIMUM, "the number is above the maximum " + shape.maximum,
                    List.of(shape.maximum + 1, shape.maximum + 100.5).stream()
                            .map(n -> (JsonNode) number(n, shape)).toList());
        }
        if (shape.minLength != null && shape.minLength > 0) {
            offerFirst(path, Kind.TOO_SHORT, "the string is shorter than " + shape.minLength,
                    List.of(JsonNodeFactory.instance.textNode("x".repeat(shape.minLength - 1))));
        }
        if (shape.maxLength != null) {
            offerFirst(path, Kind.TOO_LONG, "the string is longer than " + shape.maxLength,
                    List.of(JsonNodeFactory.instance.textNode("x".repeat(shape.maxLength + 1))));
        }
        if (!shape.enumValues.isEmpty() && shape.types.contains("string")) {
            offerFirst(path, Kind.NOT_IN_ENUM, "the value is none of " + shape.enumValues,
                    List.of(JsonNodeFactory.instance.textNode("not_a_listed_value")));
        }
        if ("uuid".equals(shape.format) || "date-time".equals(shape.format)) {
            offerFirst(path, Kind.BAD_FORMAT, "the string is not a " + shape.format,
                    List.of(JsonNodeFactory.instance.textNode("uuid".equals(shape.format)
                            ? "not-a-uuid-1234" : "20 April 2026, 9am")));
        }
        if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            if (shape.minItems != null && shape.minItems > 0) {
                ArrayNode fewer = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < shape.minItems - 1 && i < array.size(); i++) {
                    fewer.add(array.get(i).deepCopy());
                }
                offerFirst(path, Kind.TOO_FEW_ITEMS, "the array has fewer than " + shape.minItems + " items", List.of(fewer));
            }
            if (shape.maxItems != null && !array.isEmpty()) {
                ArrayNode more = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i <= shape.maxItems; i++) {
                    more.add(array.get(i % array.size()).deepCopy());
                }
                offerFirst(path, Kind.TOO_MANY_ITEMS, "the array has more than " + shape.maxItems + " items", List.of(more));
            }
            if (shape.items != null && !array.isEmpty()) {
                walkField(shape.items, append(path, 0), array.get(0), false);
            }
        }
        if (value.isObject()) {
            walkObject(rawSchema, path, value);
        }
    }

    private JsonNode number(double n, Shape shape) {
        boolean integral = n == Math.rint(n) && (shape.types.contains("integer") || !shape.types.contains("number"));
        return integral ? JsonNodeFactory.instance.numberNode((long) n) : JsonNodeFactory.instance.numberNode(n);
    }

    private static JsonNode wrongTypeValue(Set<String> types) {
        if (types.isEmpty()) {
            return null;
        }
        if (!types.contains("string")) {
            return JsonNodeFactory.instance.textNode("not-of-this-type");
        }
        if (!types.contains("number") && !types.contains("integer")) {
            return JsonNodeFactory.instance.numberNode(12345);
        }
        if (!types.contains("boolean")) {
            return JsonNodeFactory.instance.booleanNode(true);
        }
        return null;
    }

    // --------------------------------------------------------------------------------------------------- variants

    private interface Mutation {
        void apply(ObjectNode body);
    }

    private void offer(List<Object> path, Kind kind, String description, Mutation mutation) {
        ObjectNode body = root.deepCopy();
        mutation.apply(body);
        Variant variant = new Variant(dotted(path), kind, body, description);
        Set<String> named = violations.apply(body);
        if (named.stream().anyMatch(variant.acceptedFieldKeys()::contains)) {
            variants.add(variant);
        } else {
            dropped.add(variant.id() + ": the schema names " + (named.isEmpty() ? "nothing (accepted)" : named));
        }
    }

    private void offerFirst(List<Object> path, Kind kind, String description, List<JsonNode> candidates) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode candidate : candidates) {
            ObjectNode body = root.deepCopy();
            set(body, path, candidate);
            Variant variant = new Variant(dotted(path), kind, body, description + " (" + abbreviate(candidate) + ")");
            Set<String> named = violations.apply(body);
            if (named.stream().anyMatch(variant.acceptedFieldKeys()::contains)) {
                variants.add(variant);
                return;
            }
            reasons.add(abbreviate(candidate) + " -> " + (named.isEmpty() ? "accepted" : named));
        }
        dropped.add("VAL-GEN-" + dotted(path) + "-" + kind.slug() + ": " + reasons);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    private static JsonNode at(JsonNode body, List<Object> path) {
        JsonNode node = body;
        for (Object step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    private static void set(ObjectNode body, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("cannot replace the whole body");
        }
        JsonNode parent = at(body, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static void remove(ObjectNode body, List<Object> path) {
        JsonNode parent = at(body, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).remove(i);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    /** {@code subject.demographics.ageYears}, {@code markers.0.value}. */
    public static String dotted(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object step : path) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(step);
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------------ shape

    /** What one schema (refs resolved, allOf merged, a nullable oneOf/anyOf unwrapped) says about a value. */
    private static final class Shape {
        final Set<String> types = new LinkedHashSet<>();
        final Map<String, JsonNode> properties = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();
        boolean closed;
        JsonNode additionalSchema;
        JsonNode items;
        final List<JsonNode> enumValues = new ArrayList<>();
        Double minimum;
        Double maximum;
        Integer minLength;
        Integer maxLength;
        Integer minItems;
        Integer maxItems;
        String format;
    }

    private Shape shape(JsonNode raw) {
        Shape shape = new Shape();
        collect(raw, shape, 0);
        if (shape.types.isEmpty()) {
            if (!shape.properties.isEmpty()) {
                shape.types.add("object");
            } else if (shape.items != null) {
                shape.types.add("array");
            } else if (!shape.enumValues.isEmpty() && shape.enumValues.stream().allMatch(JsonNode::isTextual)) {
                shape.types.add("string");
            }
        }
        return shape;
    }

    private void collect(JsonNode raw, Shape shape, int depth) {
        if (raw == null || depth > 32) {
            return;
        }
        JsonNode node = raw;
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalArgumentException("only local $refs are supported: " + ref);
            }
            collect(document.at(ref.substring(1)), shape, depth + 1);
        }
        JsonNode type = node.get("type");
        if (type != null) {
            if (type.isArray()) {
                type.forEach(t -> shape.types.add(t.asText()));
            } else {
                shape.types.add(type.asText());
            }
        }
        JsonNode properties = node.get("properties");
        if (properties != null) {
            properties.fields().forEachRemaining(e -> shape.properties.putIfAbsent(e.getKey(), e.getValue()));
        }
        JsonNode required = node.get("required");
        if (required != null) {
            required.forEach(r -> shape.required.add(r.asText()));
        }
        JsonNode additional = node.has("additionalProperties") ? node.get("additionalProperties") : node.get("unevaluatedProperties");
        if (additional != null) {
            if (additional.isBoolean()) {
                shape.closed |= !additional.asBoolean();
            } else if (additional.isObject()) {
                shape.additionalSchema = additional;
            }
        }
        if (node.has("items") && node.get("items").isObject()) {
            shape.items = node.get("items");
        }
        if (node.has("enum")) {
            node.get("enum").forEach(shape.enumValues::add);
        }
        if (node.has("const")) {
            shape.enumValues.add(node.get("const"));
        }
        if (node.has("minimum")) {
            shape.minimum = node.get("minimum").asDouble();
        }
        if (node.has("exclusiveMinimum") && node.get("exclusiveMinimum").isNumber()) {
            shape.minimum = node.get("exclusiveMinimum").asDouble() + 1;
        }
        if (node.has("maximum")) {
            shape.maximum = node.get("maximum").asDouble();
        }
        if (node.has("exclusiveMaximum") && node.get("exclusiveMaximum").isNumber()) {
            shape.maximum = node.get("exclusiveMaximum").asDouble() - 1;
        }
        if (node.has("minLength")) {
            shape.minLength = node.get("minLength").asInt();
        }
        if (node.has("maxLength")) {
            shape.maxLength = node.get("maxLength").asInt();
        }
        if (node.has("minItems")) {
            shape.minItems = node.get("minItems").asInt();
        }
        if (node.has("maxItems")) {
            shape.maxItems = node.get("maxItems").asInt();
        }
        if (node.has("format")) {
            shape.format = node.get("format").asText();
        }
        JsonNode allOf = node.get("allOf");
        if (allOf != null) {
            allOf.forEach(member -> collect(member, shape, depth + 1));
        }
        for (String alternative : List.of("oneOf", "anyOf")) {
            JsonNode branches = node.get(alternative);
            if (branches == null) {
                continue;
            }
            // alternatives: the union of their types; the structure of the branches that are not just null
            for (JsonNode branch : branches) {
                Shape inner = shape(branch);
                shape.types.addAll(inner.types);
                if (!(inner.types.size() == 1 && inner.types.contains("null"))) {
                    inner.properties.forEach(shape.properties::putIfAbsent);
                    shape.closed |= inner.closed && branches.size() <= 2;
                    if (shape.items == null) {
                        shape.items = inner.items;
                    }
                    if (shape.additionalSchema == null) {
                        shape.additionalSchema = inner.additionalSchema;
                    }
                    shape.enumValues.addAll(inner.enumValues);
                    shape.minimum = shape.minimum == null ? inner.minimum : shape.minimum;
                    shape.maximum = shape.maximum == null ? inner.maximum : shape.maximum;
                    shape.minLength = shape.minLength == null ? inner.minLength : shape.minLength;
                    shape.maxLength = shape.maxLength == null ? inner.maxLength : shape.maxLength;
                    shape.format = shape.format == null ? inner.format : shape.format;
                }
            }
        }
    }
}
