package com.iduscore.contract.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One delivery attempt as the inbox received it: headers exactly as sent (look them up case-insensitively with
 * {@link #header(String)}), the raw body bytes (the HMAC input) and the local time of arrival.
 */
public record ReceivedWebhook(Map<String, List<String>> headers, byte[] rawBody, Instant receivedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    /** Every value of a header, matched case-insensitively (to catch a header sent twice). */
    public List<String> headerValues(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    /** The body as UTF-8 text. */
    public String body() {
        return new String(rawBody, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON; an {@link UncheckedIOException} when it is not JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(rawBody);
        } catch (IOException e) {
            throw new UncheckedIOException("webhook body is not JSON: " + body(), e);
        }
    }

    /** The body's {@code submissionId}, or empty when the body is not JSON or has none. */
    public Optional<String> submissionId() {
        return textField("submissionId");
    }

    /** The body's {@code partnerSubmissionId} (the partner's own id), or empty when the body is not JSON or has none. */
    public Optional<String> partnerSubmissionId() {
        return textField("partnerSubmissionId");
    }

    private Optional<String> textField(String name) {
        try {
            JsonNode value = JSON.readTree(rawBody).path(name);
            return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "ReceivedWebhook[at=" + receivedAt + ", headers=" + headers.keySet() + ", body=" + body() + "]";
    }
}
