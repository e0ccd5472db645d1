package com.iduscore.mock.junit5;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal raw HTTP client for these tests (the example partner client is in examples/partner-client). */
final class PartnerCalls {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SUBMISSION_ID = Pattern.compile("\"submissionId\"\\s*:\\s*\"([^\"]+)\"");

    private PartnerCalls() {
    }

    /** The fixtures' minimal valid submission (shipped inside the standalone mock), for demo-a's first credential. */
    static String minimalSubmission() {
        try (InputStream in = PartnerCalls.class.getClassLoader().getResourceAsStream("fixtures/submissions/valid/minimal.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> submit(IduScoreMock mock, String body, boolean withIdempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/submissions"))
                .header("X-Api-Key", mock.tenantA().apiKey())
                .header("x-correlation-id", "corr-" + UUID.randomUUID())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withIdempotencyKey) {
            request.header("Idempotency-Key", "key-" + UUID.randomUUID());
        }
        return send(request.build());
    }

    static HttpResponse<String> get(IduScoreMock mock, String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    static String submissionId(HttpResponse<String> accepted) {
        Matcher matcher = SUBMISSION_ID.matcher(accepted.body());
        if (!matcher.find()) {
            throw new AssertionError("No submissionId in " + accepted.statusCode() + " " + accepted.body());
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
