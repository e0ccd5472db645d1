package com.iduscore.contract.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks one HTTP exchange (request and response) against the contract, with no HTTP client attached: the engine
 * behind {@link OpenApiValidationFilter}, usable from any client or server (it needs the Atlassian
 * {@code openapi-request-validator-core} 3.x and networknt on the classpath, not REST Assured).
 *
 * <p>What is checked:
 * <ul>
 *   <li>Operations in the document: the request (path and header parameters, security presence, content type, body
 *       schema) when asked to, and always the response (status documented, required headers such as
 *       {@code x-request-id}, content type, body schema with formats) by the Atlassian
 *       {@link OpenApiInteractionValidator} over the bundled document.</li>
 *   <li>Routes not in the document (an unknown path answered {@code 404}, a wrong method answered {@code 405}, the
 *       mock-only {@code /_mock/...} and {@code /__admin/...} routes): nothing is asserted about the request; a
 *       {@code 4xx}/{@code 5xx} JSON body must be an {@code ErrorEnvelope} (checked with {@link SchemaValidator});
 *       anything else passes.</li>
 *   <li>Every error envelope, in the document or not: {@code error.requestId} must equal the response's
 *       {@code x-request-id} header (CONTRACT.md D4).</li>
 * </ul>
 *
 * <p>Thread-safe; build once and share. Building parses the document (about a second); {@link #shared()} does it once
 * per JVM.
 */
public final class OpenApiInteractionChecker {

    private static final Set<String> NOT_IN_SPEC_KEYS = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;

    /** A checker for the given OpenAPI 3.1 document text (YAML or JSON). */
    public OpenApiInteractionChecker(String openApiDocument, SchemaValidator schemas) {
        this.validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(openApiDocument)
                .withLevelResolver(LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR).build())
                .build();
        this.schemas = Objects.requireNonNull(schemas, "schemas");
    }

    /** The checker for the bundled contract ({@link OpenApiContract}), built on first use. */
    public static OpenApiInteractionChecker shared() {
        return Shared.INSTANCE;
    }

    /**
     * The contract violations of one exchange, one readable line each (prefixed {@code [request]} or
     * {@code [response]}); empty when the exchange conforms.
     *
     * @param method          HTTP method, any case
     * @param pathWithQuery   the request target as sent: path (from the API root, e.g. {@code /v1/jobs/…}) plus an
     *                        optional {@code ?query}; an absolute URL is accepted and reduced to its path and query
     * @param requestHeaders  request headers (names in any case); may be empty
     * @param requestBody     request body bytes, or {@code null}/empty for none
     * @param status          response status code
     * @param responseHeaders response headers (names in any case)
     * @param responseBody    response body bytes, or {@code null}/empty for none
     * @param validateRequest {@code false} to check only the response, for deliberately invalid requests
     */
    public List<String> violations(String method, String pathWithQuery, Map<String, List<String>> requestHeaders,
                                   byte[] requestBody, int status, Map<String, List<String>> responseHeaders,
                                   byte[] responseBody, boolean validateRequest) {
        Request.Method verb = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        Target target = Target.parse(pathWithQuery);
        SimpleRequest request = request(verb, target, requestHeaders, requestBody);
        SimpleResponse response = response(status, responseHeaders, responseBody);

        ValidationReport report = validateRequest
                ? validator.validate(request, response)
                : validator.validateResponse(target.path, verb, response);

        List<String> out = new ArrayList<>();
        boolean inSpec = report.getMessages().stream().noneMatch(m -> NOT_IN_SPEC_KEYS.contains(m.getKey()));
        if (inSpec) {
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    String subject = message.getKey().startsWith("validation.response.header.schema")
                            ? failingResponseHeaders(verb, target.path, status, responseHeaders)
                            : "";
                    out.add(describe(message, subject));
                }
            }
        } else if (status >= 400) {
            JsonNode body = parseJson(responseBody);
            if (body != null) {
                for (SchemaValidator.Violation v : schemas.validate("ErrorEnvelope", body)) {
                    out.add("[response] " + verb + " " + target.path + " is not in the contract, so its error body must be an ErrorEnvelope: "
                            + v);
                }
            }
        }
        out.addAll(requestIdAgreement(status, responseHeaders, responseBody));
        return List.copyOf(out);
    }

    /**
     * Atlassian does not say which response header broke its schema; find the declared headers whose value fails
     * (values are strings on the wire, so they are compared as numbers where the schema wants a number). Returns e.g.
     * {@code "header Retry-After='soon': "}, or "" when none can be singled out.
     */
    private String failingResponseHeaders(Request.Method verb, String path, int status, Map<String, List<String>> headers) {
        JsonNode document = schemas.document();
        String response = responsePointer(verb, path, status);
        if (response == null) {
            return "";
        }
        String resolvedResponse = followRefs(document, response);
        List<String> failing = new ArrayList<>();
        document.at(resolvedResponse + "/headers").fieldNames().forEachRemaining(name -> {
            String header = followRefs(document, resolvedResponse + "/headers/" + escape(name));
            JsonNode schema = document.at(header + "/schema");
            String value = firstHeader(headers, name);
            if (value != null && schema.isObject() && !schemas.validateAt(header + "/schema", typed(value, schema)).isEmpty()) {
                failing.add(name + "='" + value + "'");
            }
        });
        return failing.isEmpty() ? "" : "header " + String.join(", ", failing) + ": ";
    }

    /** JSON pointer of the response object documented for this exchange, or null. */
    private String responsePointer(Request.Method verb, String path, int status) {
        JsonNode document = schemas.document();
        for (Map.Entry<String, JsonNode> entry : document.path("paths").properties()) {
            String template = "\\Q" + entry.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (path.matches(template)) {
                String responses = "/paths/" + escape(entry.getKey()) + "/" + verb.name().toLowerCase(Locale.ROOT) + "/responses";
                if (document.at(responses).has(String.valueOf(status))) {
                    return responses + "/" + status;
                }
                return document.at(responses).has("default") ? responses + "/default" : null;
            }
        }
        return null;
    }

    private static String followRefs(JsonNode document, String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 10 && document.at(current).has("$ref"); hops++) {
            current = document.at(current).get("$ref").asText().substring(1);
        }
        return current;
    }

    private static JsonNode typed(String value, JsonNode schema) {
        String type = schema.path("type").asText("");
        if (type.equals("integer") || type.equals("number")) {
            try {
                JsonNode number = JSON.readTree(value.strip());
                if (number != null && number.isNumber()) {
                    return number;
                }
            } catch (IOException notANumber) {
                // judged as the string it is
            }
        }
        return TextNode.valueOf(value);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /**
     * The contract violations of one outbound webhook delivery (the request the platform sends to a partner), checked
     * against the document's top-level {@code webhooks} entry, e.g. {@code result.ready}: the signature headers'
     * presence and shape and the body schema. Headers named with the lab's {@code X-IduScore-} prefix are read as the
     * documented {@code X-Idunox-} ones. The HMAC itself needs the secret and is not checked here.
     *
     * @return one readable line per violation, empty when the delivery conforms
     */
    public List<String> webhookViolations(String webhookName, Map<String, List<String>> headers, byte[] body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.POST, "/");
        if (headers != null) {
            headers.forEach((name, values) -> builder.withHeader(documentedWebhookHeader(name), values == null ? List.of() : values));
        }
        if (body != null && body.length > 0) {
            builder.withBody(body);
        }
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message message : validator.validateWebhookRequest(webhookName, builder.build()).getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                out.add(describe(message, "").replaceFirst("^\\[request] ", "[webhook " + webhookName + "] "));
            }
        }
        return List.copyOf(out);
    }

    private static String documentedWebhookHeader(String name) {
        String lab = "x-iduscore-";
        return name != null && name.toLowerCase(Locale.ROOT).startsWith(lab) ? "X-Idunox-" + name.substring(lab.length()) : name;
    }

    /** CONTRACT.md D4: an error envelope's {@code requestId} is the response's {@code x-request-id}. */
    private static List<String> requestIdAgreement(int status, Map<String, List<String>> headers, byte[] body) {
        if (status < 400) {
            return List.of();
        }
        JsonNode parsed = parseJson(body);
        JsonNode requestId = parsed == null ? null : parsed.path("error").get("requestId");
        if (requestId == null || !requestId.isTextual()) {
            return List.of();
        }
        String header = firstHeader(headers, "x-request-id");
        if (header == null) {
            return List.of("[response] x-request-id header missing (the error body says requestId '" + requestId.asText() + "')");
        }
        if (!header.equals(requestId.asText())) {
            return List.of("[response] error.requestId '" + requestId.asText() + "' differs from the x-request-id header '" + header + "'");
        }
        return List.of();
    }

    private static String describe(ValidationReport.Message message, String subject) {
        StringBuilder line = new StringBuilder();
        String key = message.getKey();
        line.append(key.startsWith("validation.request") ? "[request] " : key.startsWith("validation.response") ? "[response] " : "");
        line.append(subject);
        message.getContext()
                .flatMap(ValidationReport.MessageContext::getParameter)
                .map(p -> p.getIn() + " parameter '" + p.getName() + "': ")
                .filter(p -> !message.getMessage().contains("'" + message.getContext().get().getParameter().get().getName() + "'"))
                .ifPresent(line::append);
        line.append(message.getMessage().strip()).append(" (").append(key).append(')');
        message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .filter(p -> !p.isEmpty() && !message.getMessage().contains(p))
                .ifPresent(p -> line.append(" at ").append(p));
        for (String info : message.getAdditionalInfo()) {
            line.append("; ").append(info.strip());
        }
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            line.append(System.lineSeparator()).append("      ").append(nested.getMessage().strip());
        }
        return line.toString();
    }

    private static SimpleRequest request(Request.Method verb, Target target, Map<String, List<String>> headers, byte[] body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(verb, target.path);
        if (headers != null) {
            headers.forEach((name, values) -> builder.withHeader(name, values == null ? List.of() : values));
        }
        target.query.forEach(builder::withQueryParam);
        if (body != null && body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static SimpleResponse response(int status, Map<String, List<String>> headers, byte[] body) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(status);
        if (headers != null) {
            headers.forEach((name, values) -> builder.withHeader(name, values == null ? List.of() : values));
        }
        if (body != null && body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static String firstHeader(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static JsonNode parseJson(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isContainerNode() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Path and decoded query parameters of a request target. */
    private record Target(String path, Map<String, List<String>> query) {
        static Target parse(String pathWithQuery) {
            String target = pathWithQuery == null || pathWithQuery.isEmpty() ? "/" : pathWithQuery;
            int scheme = target.indexOf("://");
            if (scheme >= 0) {
                int slash = target.indexOf('/', scheme + 3);
                target = slash < 0 ? "/" : target.substring(slash);
            }
            int hash = target.indexOf('#');
            if (hash >= 0) {
                target = target.substring(0, hash);
            }
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            Map<String, List<String>> query = new java.util.LinkedHashMap<>();
            if (q >= 0) {
                for (String pair : target.substring(q + 1).split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
            return new Target(path.isEmpty() ? "/" : path, query);
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }

    private static final class Shared {
        static final OpenApiInteractionChecker INSTANCE =
                new OpenApiInteractionChecker(OpenApiContract.yaml(), SchemaValidator.shared());
    }
}
