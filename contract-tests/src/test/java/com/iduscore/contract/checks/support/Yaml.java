package com.iduscore.contract.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

/**
 * YAML read by meaning (CONTRACT.md O7): YAML 1.2 with the core schema (snakeyaml-engine), anchors and aliases
 * resolved, flow or block style and quoting irrelevant; then a JSON tree, so a YAML document can be compared with a
 * JSON one. Mapping keys become strings ({@code 200:} is the key {@code "200"}, as in JSON); numbers compare by value.
 */
public final class Yaml {

    /** Compares numbers by value ({@code 1}, {@code 1.0}, a long or an int alike), everything else by equality. */
    public static final Comparator<JsonNode> BY_MEANING = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private Yaml() {
    }

    /** Parses one YAML document into a JSON tree; throws {@link IllegalArgumentException} naming what is wrong. */
    public static JsonNode parse(String text) {
        LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(10_000).setCodePointLimit(64 * 1024 * 1024).build();
        try {
            return tree(new Load(settings).loadFromString(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a YAML 1.2 document: " + e.getMessage(), e);
        }
    }

    /** Two trees mean the same: equal, with numbers compared by value. */
    public static boolean sameMeaning(JsonNode a, JsonNode b) {
        return a.equals(BY_MEANING, b);
    }

    private static JsonNode tree(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), tree(v)));
            return object;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(v -> array.add(tree(v)));
            return array;
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return nodes.numberNode(new BigInteger(value.toString()));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? nodes.numberNode(BigDecimal.valueOf(d)) : nodes.textNode(value.toString());
        }
        if (value instanceof byte[] bytes) {
            return nodes.binaryNode(bytes);
        }
        return nodes.textNode(value.toString());
    }
}
