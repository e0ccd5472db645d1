package com.iduscore.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.iduscore.contract.openapi.SchemaValidator.Violation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Words a schema violation the way the real API's Zod validation does ("Required", "Expected number, received
 * string", "Number must be less than or equal to 120"), from facts that do not depend on the validator's own message
 * text: the failing keyword, the instance value at the path, and the constraint read from the contract. A message the
 * contract itself supplies through {@code x-error-message} wins and is used as written.
 */
final class ZodStyleMessages {
    private static final String CUSTOM_MESSAGE_KEYWORD = "x-error-message";
    static final String INVALID_INPUT = "Invalid input";

    private final SchemaConstraints constraints;
    /** Every {@code x-error-message} text of the contract, longest first (a longer one may end with a shorter one). */
    private final List<String> customMessages;

    ZodStyleMessages(JsonNode document, String schemaName) {
        this.constraints = new SchemaConstraints(document, schemaName);
        this.customMessages = collectCustomMessages(document);
    }

    String message(Violation violation, JsonNode body) {
        String raw = violation.message() == null ? "" : violation.message();
        for (String custom : customMessages) {
            // the validator may put the instance location in front ("markers: <message>")
            if (raw.equals(custom) || raw.endsWith(": " + custom)) {
                return custom;
            }
        }
        String path = violation.path();
        JsonNode value = at(body, path);
        return switch (violation.keyword()) {
            case "required", "dependentRequired" -> "Required";
            case "additionalProperties", "unevaluatedProperties" -> "Unrecognized key: '" + lastSegment(path) + "'";
            case "type" -> typeMessage(path, value);
            case "const" -> constMessage(path, value);
            case "enum" -> enumMessage(path, value);
            case "format" -> formatMessage(path, value);
            case "minLength" -> bound(path, "minLength", value, (n, v) -> v.isTextual() && length(v) < n.intValue())
                    .map(n -> "String must contain at least " + number(n) + " character(s)")
                    .orElse("String is too short");
            case "maxLength" -> bound(path, "maxLength", value, (n, v) -> v.isTextual() && length(v) > n.intValue())
                    .map(n -> "String must contain at most " + number(n) + " character(s)")
                    .orElse("String is too long");
            case "minimum" -> bound(path, "minimum", value, (n, v) -> v.isNumber() && compare(v, n) < 0)
                    .map(n -> "Number must be greater than or equal to " + number(n))
                    .orElse("Number is too small");
            case "exclusiveMinimum" -> bound(path, "exclusiveMinimum", value, (n, v) -> v.isNumber() && compare(v, n) <= 0)
                    .map(n -> "Number must be greater than " + number(n))
                    .orElse("Number is too small");
            case "maximum" -> bound(path, "maximum", value, (n, v) -> v.isNumber() && compare(v, n) > 0)
                    .map(n -> "Number must be less than or equal to " + number(n))
                    .orElse("Number is too big");
            case "exclusiveMaximum" -> bound(path, "exclusiveMaximum", value, (n, v) -> v.isNumber() && compare(v, n) >= 0)
                    .map(n -> "Number must be less than " + number(n))
                    .orElse("Number is too big");
            case "multipleOf" -> firstValue(path, "multipleOf")
                    .map(n -> "Number must be a multiple of " + number(n))
                    .orElse("Number is not an allowed multiple");
            case "minItems" -> bound(path, "minItems", value, (n, v) -> v.isArray() && v.size() < n.intValue())
                    .map(n -> "Array must contain at least " + number(n) + " element(s)")
                    .orElse("Array has too few elements");
            case "maxItems" -> bound(path, "maxItems", value, (n, v) -> v.isArray() && v.size() > n.intValue())
                    .map(n -> "Array must contain at most " + number(n) + " element(s)")
                    .orElse("Array has too many elements");
            case "minProperties" -> bound(path, "minProperties", value, (n, v) -> v.isObject() && v.size() < n.intValue())
                    .map(n -> "Object must contain at least " + number(n) + " key(s)")
                    .orElse("Object has too few keys");
            case "maxProperties" -> bound(path, "maxProperties", value, (n, v) -> v.isObject() && v.size() > n.intValue())
                    .map(n -> "Object must contain at most " + number(n) + " key(s)")
                    .orElse("Object has too many keys");
            case "uniqueItems" -> "Array items must be unique";
            case "pattern" -> "Invalid";
            case "false" -> "Not allowed here";
            default -> INVALID_INPUT;
        };
    }

    /** Keywords that only summarise failures of their subschemas, reported on their own path. */
    static boolean isCombinator(String keyword) {
        return switch (keyword) {
            case "anyOf", "oneOf", "allOf", "if", "then", "else", "dependentSchemas", "properties", "items" -> true;
            default -> false;
        };
    }

    private String typeMessage(String path, JsonNode value) {
        String received = received(value);
        List<String> expected = new ArrayList<>();
        for (JsonNode type : constraints.values(path, "type")) {
            List<String> allowed = type.isArray()
                    ? StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText).toList()
                    : List.of(type.asText());
            if (!allowed.stream().anyMatch(name -> accepts(name, value))) {
                expected = allowed;
                break;
            }
        }
        if (expected.isEmpty()) {
            return "Expected another type, received " + received;
        }
        if (value.isNumber() && expected.contains("integer") && !expected.contains("number")) {
            return "Expected integer, received float";
        }
        List<String> shown = expected.size() > 1 ? expected.stream().filter(name -> !name.equals("null")).toList() : expected;
        String expectedText = shown.stream().map(name -> name.equals("integer") ? "number" : name)
                .distinct().collect(Collectors.joining(" | "));
        return "Expected " + expectedText + ", received " + received;
    }

    private String constMessage(String path, JsonNode value) {
        return constraints.values(path, "const").stream()
                .filter(expected -> !expected.equals(value))
                .findFirst()
                .map(expected -> "Invalid literal value, expected " + expected)
                .orElse("Invalid literal value");
    }

    private String enumMessage(String path, JsonNode value) {
        return constraints.values(path, "enum").stream()
                .filter(options -> options.isArray()
                        && StreamSupport.stream(options.spliterator(), false).noneMatch(value::equals))
                .findFirst()
                .map(options -> "Invalid enum value. Expected "
                        + StreamSupport.stream(options.spliterator(), false).map(ZodStyleMessages::quoted)
                        .collect(Collectors.joining(" | "))
                        + ", received " + quoted(value))
                .orElse("Invalid enum value, received " + quoted(value));
    }

    private String formatMessage(String path, JsonNode value) {
        String format = constraints.values(path, "format").stream().findFirst().map(JsonNode::asText).orElse("");
        return switch (format) {
            case "uuid" -> "Invalid uuid";
            case "date-time" -> "Invalid datetime";
            case "date" -> "Invalid date";
            case "time" -> "Invalid time";
            case "email" -> "Invalid email";
            case "uri", "url", "uri-reference", "iri" -> "Invalid url";
            case "" -> "Invalid";
            default -> "Invalid " + format;
        };
    }

    /** The constraint value the instance breaks, when the contract has one at this path. */
    private Optional<JsonNode> bound(String path, String keyword, JsonNode value,
                                     BiPredicate<JsonNode, JsonNode> broken) {
        List<JsonNode> candidates = constraints.values(path, keyword);
        Predicate<JsonNode> breaks = limit -> limit.isNumber() && broken.test(limit, value);
        return candidates.stream().filter(breaks).findFirst()
                .or(() -> candidates.stream().filter(JsonNode::isNumber).findFirst());
    }

    private Optional<JsonNode> firstValue(String path, String keyword) {
        return constraints.values(path, keyword).stream().filter(JsonNode::isNumber).findFirst();
    }

    private static boolean accepts(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            // a non-finite double (1e400 read as infinity) has no decimal value: it is no integer
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && Double.isFinite(value.doubleValue())
                    && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    /** Zod's name for what was sent. */
    private static String received(JsonNode value) {
        if (value.isMissingNode()) {
            return "undefined";
        }
        return switch (value.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String quoted(JsonNode value) {
        return value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
    }

    private static String number(JsonNode number) {
        return number.isIntegralNumber() || !Double.isFinite(number.doubleValue())
                ? number.asText() : number.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static int compare(JsonNode value, JsonNode limit) {
        if (!Double.isFinite(value.doubleValue())) {
            return Double.compare(value.doubleValue(), limit.doubleValue());
        }
        return value.decimalValue().compareTo(limit.decimalValue());
    }

    private static int length(JsonNode text) {
        // JSON Schema counts code points, as Zod's users would count characters
        return text.textValue().codePointCount(0, text.textValue().length());
    }

    /** The instance at a dotted path; array indexes are numeric segments. */
    static JsonNode at(JsonNode body, String path) {
        if (body == null) {
            return MissingNode.getInstance();
        }
        if (path.isEmpty()) {
            return body;
        }
        JsonNode node = body;
        for (String segment : path.split("\\.", -1)) {
            if (node.isArray() && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                node = node.path(Integer.parseInt(segment));
            } else {
                node = node.path(segment);
            }
        }
        return node;
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static List<String> collectCustomMessages(JsonNode document) {
        Set<String> messages = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        collect(document, messages);
        return List.copyOf(messages);
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals(CUSTOM_MESSAGE_KEYWORD)) {
                    JsonNode messages = field.getValue();
                    if (messages.isTextual() && !messages.textValue().isBlank()) {
                        into.add(messages.textValue());
                    }
                    messages.forEach(message -> {
                        if (message.isTextual() && !message.textValue().isBlank()) {
                            into.add(message.textValue());
                        }
                    });
                } else {
                    collect(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, into));
        }
    }
}
