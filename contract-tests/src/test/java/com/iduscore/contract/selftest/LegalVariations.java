package com.iduscore.contract.selftest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.iduscore.contract.selftest.LegalVariation.Scope;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The planted legal variations: each a change a conforming deployment may make where the contract leaves the choice
 * open (CONTRACT.md O1–O12), applied by the proxy to a conforming mock's traffic. The suite must not fail on any of
 * them: a red result has to mean the deployment broke the contract.
 *
 * <p>Every transformation is deterministic (the same message always becomes the same bytes), since CONTRACT.md D5 requires a
 * replay to repeat the original byte for byte and a deployment that varies does so consistently.
 */
final class LegalVariations {

    private static final Pattern DATE_TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d+))?Z$");

    private LegalVariations() {
    }

    /**
     * Every legal variation.
     *
     * @param webhookPrefix the webhook header prefix ({@code X-Idunox-})
     * @param webhookSecret the secret the mock signs webhooks with (to re-sign a body that was re-written)
     */
    static List<LegalVariation> all(String webhookPrefix, String webhookSecret) {
        String signature = webhookPrefix + "Signature";
        String timestamp = webhookPrefix + "Timestamp";
        return List.of(
                // ------------------------------------------------------------ CONTRACT.md O4: JSON key order and white space
                LegalVariation.of("json_keys_in_reverse_order", "CONTRACT.md O4", "every JSON object of every response lists its keys in reverse order",
                        Scope.API, () -> onJson(LegalVariations::reversedKeys, LegalVariations::compact)),
                LegalVariation.of("json_keys_sorted", "CONTRACT.md O4", "every JSON object of every response lists its keys alphabetically",
                        Scope.API, () -> onJson(LegalVariations::sortedKeys, LegalVariations::compact)),
                LegalVariation.of("json_pretty_printed", "CONTRACT.md O4", "every JSON response is indented over several lines",
                        Scope.API, () -> onJson(UnaryOperator.identity(), LegalVariations::pretty)),
                LegalVariation.of("json_with_surrounding_white_space", "CONTRACT.md O4", "every JSON response starts with a space and a newline and ends with a newline",
                        Scope.API, () -> onJson(UnaryOperator.identity(), json -> (" \n" + new String(compact(json), StandardCharsets.UTF_8) + "\n")
                                .getBytes(StandardCharsets.UTF_8))),

                // ------------------------------------------------------------ CONTRACT.md O2: date-time form
                LegalVariation.of("date_times_with_plus_00_00", "CONTRACT.md O2", "every date-time ends +00:00 instead of Z",
                        Scope.TIMESTAMPS, () -> onDateTimes((seconds, fraction) -> seconds + (fraction.isEmpty() ? "" : "." + fraction) + "+00:00")),
                LegalVariation.of("date_times_without_fraction", "CONTRACT.md O2", "every date-time is written to the second (no fractional digits)",
                        Scope.TIMESTAMPS, () -> onDateTimes((seconds, fraction) -> seconds + "Z")),
                // (3 digits is the mock's own form, which every run shows)
                LegalVariation.of("date_times_with_1_fractional_digit", "CONTRACT.md O2", "every date-time is written to the tenth of a second",
                        Scope.TIMESTAMPS, () -> onDateTimes((seconds, fraction) -> seconds + "." + digits(fraction, 1) + "Z")),
                LegalVariation.of("date_times_with_6_fractional_digits", "CONTRACT.md O2", "every date-time has exactly 6 fractional digits",
                        Scope.TIMESTAMPS, () -> onDateTimes((seconds, fraction) -> seconds + "." + digits(fraction, 6) + "Z")),
                LegalVariation.of("date_times_with_9_fractional_digits", "CONTRACT.md O2", "every date-time has exactly 9 fractional digits",
                        Scope.TIMESTAMPS, () -> onDateTimes((seconds, fraction) -> seconds + "." + digits(fraction, 9) + "Z")),

                // ------------------------------------------------------------ CONTRACT.md O5, O9, O12: framing, headers, media type
                LegalVariation.of("chunked_bodies", "CONTRACT.md O5", "every response with a body is sent chunked, without Content-Length",
                        Scope.API, () -> onResponse(r -> r.body().length == 0 ? r : r.withHeader(DeviationProxy.CHUNKED, "true"))),
                LegalVariation.of("gzip_when_asked", "CONTRACT.md O5", "every body is gzip-compressed (Content-Encoding: gzip) when the request sent Accept-Encoding: gzip",
                        Scope.API, Gzip::new),
                LegalVariation.of("extra_response_headers", "CONTRACT.md O9", "every response carries Cache-Control, Vary, Server-Timing, X-Served-By and Strict-Transport-Security",
                        Scope.API, () -> onResponse(r -> r.withHeader("Cache-Control", "no-store").withHeader("Vary", "Accept-Encoding, Origin")
                                .withHeader("Server-Timing", "app;dur=3").withHeader("X-Served-By", "edge-7")
                                .withHeader("Strict-Transport-Security", "max-age=63072000"))),
                LegalVariation.of("charset_utf_8_added", "CONTRACT.md O12", "application/json and application/yaml answers say ; charset=utf-8",
                        Scope.API, () -> onContentType(type -> type + "; charset=utf-8")),
                LegalVariation.of("charset_UTF_8_without_space", "CONTRACT.md O12", "application/json and application/yaml answers say ;charset=UTF-8",
                        Scope.API, () -> onContentType(type -> type + ";charset=UTF-8")),

                // ------------------------------------------------------------ CONTRACT.md O1, O8, O10, O11: errors and request ids
                LegalVariation.of("error_messages_reworded", "CONTRACT.md O8", "every error.message is reworded (same code, status and fields)",
                        Scope.ERRORS, () -> onErrors(error -> {
                            error.put("message", "Request refused (" + error.path("code").asText().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
                            return true;
                        })),
                LegalVariation.of("unknown_keys_reported_as_zod_flatten_does", "CONTRACT.md O1",
                        "an unknown key is reported under its parent path (top level: formErrors) as Unrecognized key(s) in object: 'key'",
                        Scope.ERRORS, () -> onErrors(LegalVariations::zodUnrecognizedKeys)),
                LegalVariation.of("field_errors_named_by_the_parent_path", "CONTRACT.md O1", "every fieldErrors key a.b.c is reported as a.b",
                        Scope.ERRORS, () -> onErrors(LegalVariations::fieldErrorsByParent)),
                LegalVariation.of("field_errors_quoted_in_form_errors", "CONTRACT.md O1", "every fieldErrors entry is reported in formErrors, quoting the path",
                        Scope.ERRORS, () -> onErrors(LegalVariations::fieldErrorsInFormErrors)),
                LegalVariation.of("panel_details_named_by_the_parent_path", "CONTRACT.md O1", "every SUBMISSION_VALIDATION_ERROR details[].field markers.X.unit is reported as markers.X",
                        Scope.ERRORS, () -> onErrors(LegalVariations::panelDetailsByParent)),
                LegalVariation.of("error_lists_in_reverse_order", "CONTRACT.md O10", "formErrors, each fieldErrors list and the details array come in reverse order",
                        Scope.ERRORS, () -> onErrors(LegalVariations::reversedErrorLists)),
                LegalVariation.of("generated_request_ids_not_uuids", "CONTRACT.md O11",
                        "a generated x-request-id (none was sent) is req_ + 32 hex digits, in the header and in error.requestId",
                        Scope.ERRORS, RequestIdFormat::new),

                // ------------------------------------------------------------ CONTRACT.md O7: /openapi.yaml
                LegalVariation.of("yaml_with_anchors_and_aliases", "CONTRACT.md O7", "/openapi.yaml shares every repeated mapping and sequence through an anchor and aliases",
                        Scope.DOCUMENT, () -> onYaml(FlowStyle.BLOCK, ScalarStyle.PLAIN, true, false)),
                LegalVariation.of("yaml_in_flow_style", "CONTRACT.md O7", "/openapi.yaml is written in flow style ({…} and […])",
                        Scope.DOCUMENT, () -> onYaml(FlowStyle.FLOW, ScalarStyle.PLAIN, false, false)),
                LegalVariation.of("yaml_with_double_quoted_scalars", "CONTRACT.md O7", "every scalar of /openapi.yaml is double-quoted (numbers and booleans tagged)",
                        Scope.DOCUMENT, () -> onYaml(FlowStyle.BLOCK, ScalarStyle.DOUBLE_QUOTED, false, false)),
                LegalVariation.of("yaml_with_single_quotes_and_document_markers", "CONTRACT.md O7",
                        "/openapi.yaml starts with %YAML 1.2 and ---, ends with ..., single-quotes its scalars and uses aliases",
                        Scope.DOCUMENT, () -> onYaml(FlowStyle.BLOCK, ScalarStyle.SINGLE_QUOTED, true, true)),

                // ------------------------------------------------------------ CONTRACT.md O3, O9, O10: CORS and Allow lists
                LegalVariation.of("cors_and_allow_lists_reformatted", "CONTRACT.md O3",
                        "Access-Control-Allow-Headers and -Expose-Headers lower-cased and reversed without spaces; Allow of a 405 in reverse order",
                        Scope.CORS_AND_ROUTES, () -> onResponse(LegalVariations::reformattedLists)),

                // ------------------------------------------------------------ the webhook (re-signed where the body changes)
                LegalVariation.of("webhook_body_keys_in_reverse_order", "CONTRACT.md O4", "result.ready lists its body keys in reverse order (re-signed)",
                        Scope.WEBHOOK, () -> onWebhookBody(json -> compact(reversedKeys(json)), signature, timestamp, webhookSecret)),
                LegalVariation.of("webhook_body_pretty_printed", "CONTRACT.md O4", "result.ready's body is indented (re-signed)",
                        Scope.WEBHOOK, () -> onWebhookBody(LegalVariations::pretty, signature, timestamp, webhookSecret)),
                LegalVariation.of("webhook_completed_at_with_plus_00_00", "CONTRACT.md O2", "result.ready's completedAt ends +00:00 and has 6 fractional digits (re-signed)",
                        Scope.WEBHOOK, () -> onWebhookBody(json -> compact(dateTimes(json, (seconds, fraction) -> seconds + "." + digits(fraction, 6) + "+00:00")),
                                signature, timestamp, webhookSecret)),
                LegalVariation.of("webhook_extra_headers_and_charset", "CONTRACT.md O9",
                        "result.ready carries User-Agent, Traceparent and Content-Type: application/json; charset=utf-8",
                        Scope.WEBHOOK, () -> new Deviation() {
                            @Override
                            public Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
                                return Optional.of(delivery.withHeader("User-Agent", "IduScore-Webhooks/1.0")
                                        .withHeader("Traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                                        .withHeader("Content-Type", "application/json; charset=utf-8"));
                            }
                        }));
    }

    // -------------------------------------------------------------------------------------------------- JSON bodies

    /** Re-writes every JSON response body: {@code edit} on a copy of the tree, then {@code write}. */
    static Deviation onJson(UnaryOperator<JsonNode> edit, Function<JsonNode, byte[]> write) {
        return new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                if (!response.isJson()) {
                    return response;
                }
                Optional<JsonNode> json = response.json();
                if (json.isEmpty()) {
                    return response;
                }
                byte[] changed = write.apply(edit.apply(json.get().deepCopy()));
                return java.util.Arrays.equals(changed, response.body()) ? response : response.withBody(changed);
            }
        };
    }

    static JsonNode reversedKeys(JsonNode node) {
        return reorder(node, names -> {
            List<String> out = new ArrayList<>(names);
            Collections.reverse(out);
            return out;
        });
    }

    static JsonNode sortedKeys(JsonNode node) {
        return reorder(node, names -> names.stream().sorted().toList());
    }

    private static JsonNode reorder(JsonNode node, UnaryOperator<List<String>> order) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            ObjectNode out = ProxiedResponse.JSON.createObjectNode();
            for (String name : order.apply(names)) {
                out.set(name, reorder(node.get(name), order));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ProxiedResponse.JSON.createArrayNode();
            node.forEach(item -> out.add(reorder(item, order)));
            return out;
        }
        return node;
    }

    static byte[] compact(JsonNode json) {
        return ProxiedResponse.write(json);
    }

    static byte[] pretty(JsonNode json) {
        try {
            return ProxiedResponse.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // -------------------------------------------------------------------------------------------------- date-times

    /** Builds a date-time from its seconds part ({@code 2026-04-27T10:15:30}) and its fractional digits ("" for none). */
    @FunctionalInterface
    interface DateTimeForm {
        String write(String seconds, String fraction);
    }

    /** Re-writes the date-times of every JSON answer but the published document (its examples are its content). */
    static Deviation onDateTimes(DateTimeForm form) {
        Deviation rewrite = onJson(json -> dateTimes(json, form), LegalVariations::compact);
        return new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                return request.path().startsWith("/openapi.") ? response : rewrite.response(request, response, mock);
            }
        };
    }

    static JsonNode dateTimes(JsonNode node, DateTimeForm form) {
        if (node.isTextual()) {
            Matcher m = DATE_TIME.matcher(node.asText());
            return m.matches() ? TextNode.valueOf(form.write(m.group(1), m.group(2) == null ? "" : m.group(2))) : node;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, dateTimes(object.get(name), form)));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, dateTimes(array.get(i), form));
            }
        }
        return node;
    }

    /** {@code fraction} cut or padded with zeros to {@code n} digits. */
    static String digits(String fraction, int n) {
        String padded = fraction + "0".repeat(n);
        return padded.substring(0, n);
    }

    // -------------------------------------------------------------------------------------------------- headers

    static Deviation onResponse(UnaryOperator<ProxiedResponse> change) {
        return new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                return change.apply(response);
            }
        };
    }

    static Deviation onContentType(UnaryOperator<String> change) {
        return onResponse(response -> {
            Optional<String> type = response.header("Content-Type");
            if (type.isEmpty()) {
                return response;
            }
            String bare = type.get().split(";")[0].trim();
            if (!bare.equals("application/json") && !bare.equals("application/yaml")) {
                return response;
            }
            return response.withHeader("Content-Type", change.apply(bare));
        });
    }

    /** Compresses every body when the request accepted gzip. */
    private static final class Gzip implements Deviation {
        @Override
        public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
            boolean accepted = request.header("Accept-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
            if (!accepted || response.body().length == 0 || response.header("Content-Encoding").isPresent()) {
                return response;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return response.withBody(out.toByteArray()).withHeader("Content-Encoding", "gzip").withHeader("Vary", "Accept-Encoding");
        }
    }

    static ProxiedResponse reformattedLists(ProxiedResponse response) {
        ProxiedResponse out = response;
        // Access-Control-Allow-Methods stays: the document pins its value (an enum), so it is not an open choice
        for (String name : List.of("Access-Control-Allow-Headers", "Access-Control-Expose-Headers")) {
            Optional<String> value = out.header(name);
            if (value.isPresent()) {
                List<String> tokens = new ArrayList<>(List.of(value.get().split("\\s*,\\s*")));
                Collections.reverse(tokens);
                out = out.withHeader(name, String.join(",", tokens).toLowerCase(Locale.ROOT));
            }
        }
        Optional<String> allow = out.header("Allow");
        if (allow.isPresent() && response.status() == 405) {
            List<String> tokens = new ArrayList<>(List.of(allow.get().split("\\s*,\\s*")));
            Collections.reverse(tokens);
            out = out.withHeader("Allow", String.join(", ", tokens));
        }
        return out;
    }

    // -------------------------------------------------------------------------------------------------- errors

    /** An edit of the {@code error} object of error envelopes; returns whether it changed anything. */
    interface ErrorEdit {
        boolean apply(ObjectNode error);
    }

    static Deviation onErrors(ErrorEdit edit) {
        return new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                if (response.status() < 400) {
                    return response;
                }
                Optional<ObjectNode> json = response.jsonObject();
                if (json.isEmpty() || !json.get().path("error").isObject() || !edit.apply((ObjectNode) json.get().get("error"))) {
                    return response;
                }
                return response.withJson(json.get());
            }
        };
    }

    private static Optional<ObjectNode> fieldErrors(ObjectNode error) {
        JsonNode fieldErrors = error.path("details").path("fieldErrors");
        return fieldErrors.isObject() && !fieldErrors.isEmpty() ? Optional.of((ObjectNode) fieldErrors) : Optional.empty();
    }

    private static ArrayNode formErrors(ObjectNode error) {
        ObjectNode details = (ObjectNode) error.get("details");
        return details.path("formErrors").isArray() ? (ArrayNode) details.get("formErrors") : details.putArray("formErrors");
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    static boolean zodUnrecognizedKeys(ObjectNode error) {
        Optional<ObjectNode> fieldErrors = fieldErrors(error);
        if (fieldErrors.isEmpty()) {
            return false;
        }
        boolean changed = false;
        for (String key : names(fieldErrors.get())) {
            boolean unknown = false;
            for (JsonNode message : fieldErrors.get().get(key)) {
                unknown |= message.asText().startsWith("Unrecognized key");
            }
            if (!unknown) {
                continue;
            }
            fieldErrors.get().remove(key);
            String message = "Unrecognized key(s) in object: '" + last(key) + "'";
            if (parent(key).isEmpty()) {
                formErrors(error).add(message);
            } else {
                ArrayNode under = fieldErrors.get().path(parent(key)).isArray()
                        ? (ArrayNode) fieldErrors.get().get(parent(key)) : fieldErrors.get().putArray(parent(key));
                under.add(message);
            }
            changed = true;
        }
        return changed;
    }

    static boolean fieldErrorsByParent(ObjectNode error) {
        Optional<ObjectNode> fieldErrors = fieldErrors(error);
        if (fieldErrors.isEmpty()) {
            return false;
        }
        Map<String, ArrayNode> regrouped = new LinkedHashMap<>();
        boolean changed = false;
        for (String key : names(fieldErrors.get())) {
            String normalised = key.replaceAll("\\[(\\d+)]", ".$1");
            String target = normalised.contains(".") ? parent(normalised) : key;
            changed |= !target.equals(key);
            ArrayNode messages = regrouped.computeIfAbsent(target, k -> ProxiedResponse.JSON.createArrayNode());
            fieldErrors.get().get(key).forEach(messages::add);
        }
        fieldErrors.get().removeAll();
        regrouped.forEach(fieldErrors.get()::set);
        return changed;
    }

    static boolean fieldErrorsInFormErrors(ObjectNode error) {
        Optional<ObjectNode> fieldErrors = fieldErrors(error);
        if (fieldErrors.isEmpty()) {
            return false;
        }
        ArrayNode formErrors = formErrors(error);
        for (String key : names(fieldErrors.get())) {
            String path = key.replaceAll("\\[(\\d+)]", ".$1");
            fieldErrors.get().get(key).forEach(message -> formErrors.add("Invalid input at '" + path + "': " + message.asText()));
        }
        fieldErrors.get().removeAll();
        return true;
    }

    static boolean panelDetailsByParent(ObjectNode error) {
        JsonNode details = error.path("details");
        if (!"SUBMISSION_VALIDATION_ERROR".equals(error.path("code").asText()) || !details.isArray()) {
            return false;
        }
        boolean changed = false;
        for (JsonNode item : details) {
            String field = item.path("field").asText();
            if (field.chars().filter(c -> c == '.').count() >= 2) {
                ((ObjectNode) item).put("field", parent(field));
                changed = true;
            }
        }
        return changed;
    }

    static boolean reversedErrorLists(ObjectNode error) {
        JsonNode details = error.path("details");
        boolean changed = false;
        if (details.isArray() && details.size() > 1) {
            error.set("details", reversed((ArrayNode) details));
            return true;
        }
        if (details.path("formErrors").isArray() && details.path("formErrors").size() > 1) {
            ((ObjectNode) details).set("formErrors", reversed((ArrayNode) details.get("formErrors")));
            changed = true;
        }
        Optional<ObjectNode> fieldErrors = details.isObject() ? fieldErrors(error) : Optional.empty();
        if (fieldErrors.isPresent()) {
            for (String key : names(fieldErrors.get())) {
                if (fieldErrors.get().get(key).size() > 1) {
                    fieldErrors.get().set(key, reversed((ArrayNode) fieldErrors.get().get(key)));
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static ArrayNode reversed(ArrayNode array) {
        ArrayNode out = ProxiedResponse.JSON.createArrayNode();
        for (int i = array.size() - 1; i >= 0; i--) {
            out.add(array.get(i));
        }
        return out;
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A generated request id (the request sent none) becomes {@code req_<32 hex>}, in the header and the body. */
    private static final class RequestIdFormat implements Deviation {
        @Override
        public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
            String generated = response.requestId();
            if (generated == null || request.header("x-request-id").filter(v -> !v.isEmpty() && v.length() <= 200).isPresent()) {
                return response;
            }
            String other = "req_" + UUID.nameUUIDFromBytes(generated.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
            ProxiedResponse out = response.withHeader("x-request-id", other);
            Optional<ObjectNode> json = out.jsonObject();
            if (json.isPresent() && generated.equals(json.get().path("error").path("requestId").asText(null))) {
                ((ObjectNode) json.get().get("error")).put("requestId", other);
                out = out.withJson(json.get());
            }
            return out;
        }
    }

    // -------------------------------------------------------------------------------------------------- YAML

    /**
     * Re-writes {@code /openapi.yaml} (same meaning) in another YAML form: block or flow style, a scalar style, with
     * anchors and aliases for repeated mappings and sequences, with the {@code %YAML 1.2} directive and document markers.
     */
    static Deviation onYaml(FlowStyle flow, ScalarStyle scalars, boolean aliases, boolean markers) {
        return new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                if (!request.path().equals("/openapi.yaml") || response.status() != 200) {
                    return response;
                }
                Object document = new Load(LoadSettings.builder().setSchema(new CoreSchema())
                        .setCodePointLimit(64 * 1024 * 1024).build()).loadFromString(response.bodyText());
                if (aliases) {
                    document = shared(document, new HashMap<>());
                }
                DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(flow).setDefaultScalarStyle(scalars)
                        .setSchema(new CoreSchema()).setWidth(120).setExplicitStart(markers).setExplicitEnd(markers)
                        .setYamlDirective(markers ? Optional.of(new org.snakeyaml.engine.v2.common.SpecVersion(1, 2)) : Optional.empty())
                        .setDereferenceAliases(!aliases).build();
                String yaml = new Dump(settings).dumpToString(document);
                return response.withBody(yaml.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** The same tree with equal mappings and sequences (of more than one entry) as one shared instance: the dumper then writes anchors and aliases. */
    @SuppressWarnings("unchecked")
    private static Object shared(Object node, Map<Object, Object> seen) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                copy.put(e.getKey(), shared(e.getValue(), seen));
            }
            return copy.size() > 1 ? seen.computeIfAbsent(copy, k -> copy) : copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(shared(item, seen)));
            return copy.size() > 1 ? seen.computeIfAbsent(copy, k -> copy) : copy;
        }
        return node;
    }

    // -------------------------------------------------------------------------------------------------- webhook

    static Deviation onWebhookBody(Function<JsonNode, byte[]> rewrite, String signature, String timestamp, String secret) {
        return new Deviation() {
            @Override
            public Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
                JsonNode json;
                try {
                    json = ProxiedResponse.JSON.readTree(delivery.body());
                } catch (IOException notJson) {
                    return Optional.of(delivery);
                }
                WebhookDelivery changed = delivery.withBody(rewrite.apply(json.deepCopy()));
                return Optional.of(changed.withHeader(signature, changed.signature(secret, delivery.header(timestamp).orElse("0"))));
            }
        };
    }
}
