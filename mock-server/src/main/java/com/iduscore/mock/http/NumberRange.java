package com.iduscore.mock.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the numbers of a JSON body that a double (or, for integers, a long) cannot hold: {@code 1e400} and
 * {@code -1e400} (overflow to infinity), {@code 1e-400} (underflow to zero), a 40-digit integer. Jackson reads them
 * without complaint into values that are not what was sent, so they are refused as a field error before the schema
 * is consulted, keyed by the field's dotted path like the schema's errors ({@code subject.demographics.ageYears}).
 *
 * <p>The parsed tree is scanned first; only a suspect value (infinite, zero from a float, beyond a long) costs a
 * second, streaming pass, which sees each number as written.
 */
final class NumberRange {

    static final String OUT_OF_RANGE = "Number is out of range";

    private NumberRange() {
    }

    /** {@code {dotted path: [message]}} for each number out of range, in document order; empty when none. */
    static Map<String, List<String>> outOfRange(JsonNode parsed, byte[] body) {
        if (!hasSuspect(parsed)) {
            return Map.of();
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        try (JsonParser parser = ApiJson.mapper().createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric() && !representable(parser, token)) {
                    errors.putIfAbsent(dotted(parser.getParsingContext().pathAsPointer()), List.of(OUT_OF_RANGE));
                }
            }
        } catch (IOException e) {
            // readTree accepted these bytes already; a second read cannot fail differently
            return Map.of();
        }
        return errors;
    }

    private static boolean representable(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
        }
        BigDecimal exact = parser.getDecimalValue();
        double approximate = exact.doubleValue();
        return !Double.isInfinite(approximate) && (approximate != 0.0 || exact.signum() == 0);
    }

    private static boolean hasSuspect(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isContainerNode()) {
                node.forEach(pending::push);
            } else if (node.isBigInteger()
                    || node.isFloatingPointNumber() && (node.doubleValue() == 0.0 || Double.isInfinite(node.doubleValue()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code /markers/3/value} → {@code markers.3.value}; the root is {@code ""}. */
    private static String dotted(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(at.getMatchingProperty());
        }
        return path.toString();
    }
}
