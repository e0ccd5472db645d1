package com.iduscore.mock.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every response of the mock holds to, however hostile the request (CONTRACT.md D4, D10): an
 * {@code x-request-id}; for a 4xx or 5xx, the error envelope in JSON whose {@code requestId} equals that header; and
 * no Java class name, stack trace or HTML page in any body.
 */
final class EdgeContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ERROR_KEYS = Set.of("code", "message", "requestId", "correlationId", "details");

    /** A qualified Java name, an exception or error class, a stack frame, an HTML page. */
    static final Pattern LEAK = Pattern.compile(
            "\\b(java|javax|jakarta|sun|wiremock|org\\.eclipse|org\\.slf4j|com\\.github|com\\.fasterxml|com\\.networknt|com\\.iduscore)\\.[a-z]"
                    + "|\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\tat |\\bat [a-z]+\\.[a-z]+\\.[A-Za-z.]+\\("
                    + "|(?i)<html|<h1|<body|<!doctype");

    private EdgeContract() {
    }

    /**
     * The ways {@code response} breaks the contract; empty when it keeps it.
     *
     * @param headRequest the request was a HEAD: no body to check
     * @param allow505    the request's HTTP version was not 1.0 or 1.1, which Jetty answers 505 before any handler
     */
    static List<String> problems(RawHttp.Response response, boolean headRequest, boolean allow505) {
        List<String> problems = new ArrayList<>();
        int status = response.status();
        if (status >= 500 && !(allow505 && status == 505)) {
            problems.add("status " + status);
        }
        String requestId = response.header("x-request-id");
        if (requestId == null || requestId.isBlank()) {
            problems.add("no x-request-id header");
        }
        String body = response.text();
        if (LEAK.matcher(body).find()) {
            problems.add("body leaks internals: " + excerpt(body));
        }
        if (status < 400 || headRequest) {
            return problems;
        }
        String contentType = response.header("content-type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            problems.add("content type " + contentType);
        }
        try {
            JsonNode envelope = JSON.readTree(response.body());
            JsonNode error = envelope == null ? null : envelope.get("error");
            if (error == null || !error.isObject() || envelope.size() != 1) {
                problems.add("not the envelope: " + excerpt(body));
                return problems;
            }
            for (String field : List.of("code", "message", "requestId")) {
                if (!error.path(field).isTextual() || error.path(field).asText().isEmpty()) {
                    problems.add("error." + field + " missing or empty");
                }
            }
            error.fieldNames().forEachRemaining(name -> {
                if (!ERROR_KEYS.contains(name)) {
                    problems.add("unexpected error." + name);
                }
            });
            if (requestId != null && !requestId.equals(error.path("requestId").asText())) {
                problems.add("error.requestId " + error.path("requestId") + " differs from x-request-id " + requestId);
            }
        } catch (IOException e) {
            problems.add("body is not JSON: " + excerpt(body));
        }
        return problems;
    }

    static String excerpt(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
