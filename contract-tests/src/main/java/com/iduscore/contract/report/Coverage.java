package com.iduscore.contract.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.contract.openapi.OpenApiContract;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a run exercised against what the OpenAPI document declares: operations, response status codes per operation,
 * and request body fields per operation. The declared sets are read from the pinned document
 * ({@link OpenApiContract#document()}); the seen sets from every request the checks made ({@link #observe}, called by
 * the transcript filter for every exchange, not only the few a check keeps).
 *
 * <p>Left out on purpose: {@code /_reference/…} paths (they document the outbound webhook, which the deployment sends
 * and the suite receives), {@code default} responses (a catch-all, not a status to exercise), and requests to paths the
 * document does not declare (admin, artifact downloads).
 */
public final class Coverage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "options", "head", "trace");

    /** "METHOD /path" → statuses seen. */
    private final Map<String, Set<Integer>> statuses = new ConcurrentHashMap<>();
    /** "METHOD /path" → request body field paths seen. */
    private final Map<String, Set<String>> fields = new ConcurrentHashMap<>();

    /** Records one request and its response status (0 when none came). */
    public void observe(String method, String url, int status, String requestBody) {
        Optional<String> operation = Declared.get().operationOf(method, url);
        if (operation.isEmpty()) {
            return;
        }
        if (status > 0) {
            statuses.computeIfAbsent(operation.get(), k -> ConcurrentHashMap.newKeySet()).add(status);
        }
        if (requestBody != null && !requestBody.isBlank()) {
            try {
                Set<String> paths = fields.computeIfAbsent(operation.get(), k -> ConcurrentHashMap.newKeySet());
                fieldPaths(JSON.readTree(requestBody), "", paths);
            } catch (java.io.IOException | RuntimeException e) {
                // not JSON (a deliberately malformed body): no fields to count
            }
        }
    }

    /** The run's coverage against the document. */
    public Report report() {
        Declared declared = Declared.get();
        List<String> seenOps = new ArrayList<>();
        List<String> notSeenOps = new ArrayList<>();
        List<String> seenCodes = new ArrayList<>();
        List<String> notSeenCodes = new ArrayList<>();
        List<String> seenFields = new ArrayList<>();
        List<String> notSeenFields = new ArrayList<>();
        for (String op : declared.operations) {
            Set<Integer> got = statuses.getOrDefault(op, Set.of());
            (got.isEmpty() ? notSeenOps : seenOps).add(op);
            for (String code : declared.responseCodes.getOrDefault(op, Set.of())) {
                boolean seen = got.stream().anyMatch(s -> matches(code, s));
                (seen ? seenCodes : notSeenCodes).add(op + " " + code);
            }
            Set<String> sent = fields.getOrDefault(op, Set.of());
            for (String field : declared.requestFields.getOrDefault(op, Set.of())) {
                (sent.contains(field) ? seenFields : notSeenFields).add(op + " " + field);
            }
        }
        return new Report(new Part(seenOps.size(), declared.operations.size(), notSeenOps),
                new Part(seenCodes.size(), seenCodes.size() + notSeenCodes.size(), notSeenCodes),
                new Part(seenFields.size(), seenFields.size() + notSeenFields.size(), notSeenFields));
    }

    private static boolean matches(String declaredCode, int status) {
        String code = declaredCode.toUpperCase(Locale.ROOT);
        return code.endsWith("XX") ? code.charAt(0) == String.valueOf(status).charAt(0) : code.equals(String.valueOf(status));
    }

    /** Field paths of a JSON value: {@code subject.dateOfBirth}, {@code markers[].code}. */
    static void fieldPaths(JsonNode node, String prefix, Set<String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                into.add(path);
                fieldPaths(field.getValue(), path, into);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                fieldPaths(element, prefix + "[]", into);
            }
        }
    }

    /**
     * One measure: how many of the declared items the run saw.
     *
     * @param notSeen the declared items the run never saw, in document order
     */
    public record Part(int seen, int declared, List<String> notSeen) {
    }

    public record Report(Part operations, Part responseCodes, Part requestFields) {
    }

    /** The document's operations, their response codes and their JSON request body fields; read once. */
    static final class Declared {

        private static volatile Declared instance;

        final List<String> operations = new ArrayList<>();
        final Map<String, Set<String>> responseCodes = new ConcurrentHashMap<>();
        final Map<String, Set<String>> requestFields = new ConcurrentHashMap<>();
        /** Path templates, most literal first, so {@code /health/ready} wins over a template that would also match. */
        private final List<Template> templates = new ArrayList<>();
        private final JsonNode document;

        private record Template(String path, Pattern pattern, int literals) {
        }

        static Declared get() {
            if (instance == null) {
                synchronized (Declared.class) {
                    if (instance == null) {
                        instance = new Declared(OpenApiContract.document());
                    }
                }
            }
            return instance;
        }

        Declared(JsonNode document) {
            this.document = document;
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().startsWith("/_reference/")) {
                    continue;
                }
                templates.add(new Template(path.getKey(),
                        Pattern.compile(Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")),
                        path.getKey().replaceAll("\\{[^}/]+}", "").length()));
                for (String method : METHODS) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation == null) {
                        continue;
                    }
                    String op = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                    operations.add(op);
                    Set<String> codes = new LinkedHashSet<>();
                    operation.path("responses").fieldNames().forEachRemaining(code -> {
                        if (!"default".equals(code)) {
                            codes.add(code);
                        }
                    });
                    responseCodes.put(op, codes);
                    JsonNode schema = resolve(operation.path("requestBody")).path("content").path("application/json").path("schema");
                    if (!schema.isMissingNode()) {
                        Set<String> declaredFields = new LinkedHashSet<>();
                        schemaFields(schema, "", declaredFields, new HashSet<>());
                        requestFields.put(op, declaredFields);
                    }
                }
            }
            templates.sort(Comparator.comparingInt(Template::literals).reversed());
        }

        Optional<String> operationOf(String method, String url) {
            String path;
            try {
                path = URI.create(url).getRawPath();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (path == null) {
                return Optional.empty();
            }
            String op = method.toUpperCase(Locale.ROOT);
            for (Template t : templates) {
                if (t.pattern.matcher(path).matches()) {
                    String candidate = op + " " + t.path;
                    return operations.contains(candidate) ? Optional.of(candidate) : Optional.empty();
                }
            }
            return Optional.empty();
        }

        private JsonNode resolve(JsonNode node) {
            JsonNode ref = node.get("$ref");
            if (ref == null || !ref.asText().startsWith("#/")) {
                return node;
            }
            return resolve(document.at(ref.asText().substring(1)));
        }

        /** Property paths of a schema, through $ref, allOf/oneOf/anyOf, nested objects and array items. */
        private void schemaFields(JsonNode schemaOrRef, String prefix, Set<String> into, Set<String> refsOnPath) {
            JsonNode ref = schemaOrRef.get("$ref");
            if (ref != null && !refsOnPath.add(prefix + "|" + ref.asText())) {
                return; // a recursive schema: each level once
            }
            JsonNode schema = resolve(schemaOrRef);
            for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
                for (JsonNode part : schema.path(combinator)) {
                    schemaFields(part, prefix, into, refsOnPath);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
                into.add(path);
                schemaFields(property.getValue(), path, into, refsOnPath);
            }
            JsonNode items = schema.get("items");
            if (items != null && items.isObject()) {
                schemaFields(items, prefix + "[]", into, refsOnPath);
            }
        }
    }

    /** For tests: the declared field paths of an operation. */
    static Set<String> declaredFields(String operation) {
        return new TreeSet<>(Declared.get().requestFields.getOrDefault(operation, Set.of()));
    }
}
