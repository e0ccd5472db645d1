package com.iduscore.contract.selftest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An answer on its way back to the suite: status, headers (looked up case-insensitively) and body bytes. Immutable; a
 * {@link Deviation} returns a changed copy (the {@code with…} methods) or the same instance when it leaves it alone.
 */
public record ProxiedResponse(int status, Map<String, List<String>> headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    public ProxiedResponse {
        headers = HttpHeaders.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /**
     * A contract-shaped error envelope {@code {"error":{"code","message","requestId"}}} whose requestId equals the
     * {@code x-request-id} header, so only the planted status or code deviates.
     */
    public static ProxiedResponse error(int status, String code, String message, String requestId) {
        String id = requestId == null ? UUID.randomUUID().toString() : requestId;
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.put("requestId", id);
        return new ProxiedResponse(status, Map.of("Content-Type", List.of("application/json"), "x-request-id", List.of(id)),
                write(body));
    }

    public Optional<String> header(String name) {
        return HttpHeaders.first(headers, name);
    }

    /** The response's {@code x-request-id}, or null. */
    public String requestId() {
        return header("x-request-id").orElse(null);
    }

    public boolean isJson() {
        return header("Content-Type").map(t -> t.toLowerCase().startsWith("application/json")).orElse(false);
    }

    /** The body parsed as JSON (a copy the caller may change), or empty when it is not JSON. */
    public Optional<JsonNode> json() {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** The body parsed as a JSON object, or empty. */
    public Optional<ObjectNode> jsonObject() {
        return json().filter(JsonNode::isObject).map(ObjectNode.class::cast);
    }

    /** {@code error.code} of an error envelope, or empty. */
    public Optional<String> errorCode() {
        return json().map(j -> j.path("error").path("code")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public ProxiedResponse withStatus(int newStatus) {
        return new ProxiedResponse(newStatus, headers, body);
    }

    public ProxiedResponse withHeader(String name, String value) {
        return new ProxiedResponse(status, HttpHeaders.with(headers, name, value), body);
    }

    public ProxiedResponse withoutHeader(String name) {
        return new ProxiedResponse(status, HttpHeaders.without(headers, name), body);
    }

    /** The same response with another JSON body, written compactly as Jackson writes it. */
    public ProxiedResponse withJson(JsonNode json) {
        return withBody(write(json));
    }

    public ProxiedResponse withBody(byte[] newBody) {
        return new ProxiedResponse(status, headers, newBody);
    }

    static byte[] write(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        String text = bodyText();
        return "HTTP " + status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
