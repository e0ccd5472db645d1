package com.iduscore.mock.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical form of a parsed JSON document (CONTRACT.md D5): object keys sorted by code point, no insignificant white space,
 * numbers written by value ({@code 1}, {@code 1.0} and {@code 1e0} are one number), strings JSON-escaped. Two bodies
 * that differ only in key order, spacing or number spelling have the same canonical form and the same fingerprint.
 */
public final class CanonicalJson {
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private CanonicalJson() {
    }

    public static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    /** Lower-case hex SHA-256 of {@link #canonical}: the idempotency fingerprint of a request body. */
    public static String fingerprint(JsonNode node) {
        return HexFormat.of().formatHex(sha256(canonical(node)));
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else {
            // binary or POJO nodes do not come out of a JSON parser; write their text form
            string(node.asText(), out);
        }
    }

    private static String number(JsonNode node) {
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return Double.toString(node.doubleValue());
        }
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        if (value.signum() == 0) {
            return "0";
        }
        // whole numbers in plain digits (10, not 1E+1) unless absurdly long; fractions as BigDecimal writes them
        return value.scale() <= 0 && value.precision() - value.scale() <= 40 ? value.toPlainString() : value.toString();
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        ENCODER.quoteAsString(text, out);
        out.append('"');
    }
}
