package com.example.partner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A small IduScore Partner API client on {@code java.net.http}: submit, poll, fetch the result and its artifacts.
 * Webhooks are verified by {@link WebhookVerifier}.
 *
 * <p>Waiting is done through a {@link Waiter}, so tests against the mock on a manual clock move the mock's clock
 * instead of sleeping.
 */
public final class IduScoreClient {
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "rejected");
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final URI baseUrl;
    private final String apiKey;
    private final HttpClient http;
    private final Waiter waiter;

    /** How the client waits between polls: {@link #SLEEP} in production. */
    @FunctionalInterface
    public interface Waiter {
        void waitFor(Duration duration) throws InterruptedException;
    }

    public static final Waiter SLEEP = duration -> Thread.sleep(duration.toMillis());

    public IduScoreClient(String baseUrl, String apiKey, Waiter waiter) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.waiter = waiter;
    }

    public IduScoreClient(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, SLEEP);
    }

    // ==== the API's answers (only what this client reads; unknown fields are ignored) ====

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Accepted(String submissionId, String jobId, String partnerSubmissionId, String status) {
    }

    /** A 202, and whether it was an idempotent replay ({@code Idempotent-Replayed: true}). */
    public record Submitted(Accepted accepted, boolean replayed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Submission(String submissionId, String status, String resultId) {
        public boolean terminal() {
            return TERMINAL.contains(status);
        }
    }

    /** {@code type}: json, html or pdf; {@code access.downloadUrl} is null while the artifact is pending. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Artifact(String artifactId, String type, String availability, Access access) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Access(String downloadUrl, String expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Artifacts(List<Artifact> items) {
    }

    /** {@code outcome}: the requested wellbeing outcome (score 0–1); {@code outcomes} when several were requested. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String resultId, String submissionId, String status, JsonNode outcome, JsonNode outcomes,
                         Artifacts artifacts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResultReadyEvent(String eventType, String submissionId, String resultId, String reportId,
                                   String partnerSubmissionId, String status, String completedAt) {
    }

    // ==== operations ====

    /**
     * {@code POST /v1/submissions}. Send the same {@code idempotencyKey} when retrying after a timeout: the API
     * answers the first submission again instead of creating a second one.
     */
    public Submitted submit(String idempotencyKey, String correlationId, String submissionJson) {
        HttpRequest.Builder request = request("v1/submissions")
                .header("Content-Type", "application/json")
                .header("x-correlation-id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(submissionJson));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<byte[]> response = send(request.build(), 202);
        boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
        return new Submitted(read(response.body(), Accepted.class), replayed);
    }

    /** {@code GET /v1/submissions/{id}}. */
    public Submission submission(String submissionId) {
        return read(send(request("v1/submissions/" + UUID.fromString(submissionId)).GET().build(), 200).body(), Submission.class);
    }

    /** Polls the submission every {@code interval} until it is terminal; gives up after {@code maxPolls}. */
    public Submission awaitTerminal(String submissionId, Duration interval, int maxPolls) {
        for (int poll = 0; poll < maxPolls; poll++) {
            Submission submission = submission(submissionId);
            if (submission.terminal()) {
                return submission;
            }
            try {
                waiter.waitFor(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + submissionId, e);
            }
        }
        throw new IllegalStateException("Submission " + submissionId + " not terminal after " + maxPolls + " polls");
    }

    /** {@code GET /v1/results/{id}}: outcomes and artifacts with signed download links (valid one hour). */
    public Result result(String resultId) {
        return read(send(request("v1/results/" + UUID.fromString(resultId)).GET().build(), 200).body(), Result.class);
    }

    /** Downloads an artifact from its signed link (no API key: the signature is the credential). */
    public byte[] download(Artifact artifact) {
        if (artifact.access() == null || artifact.access().downloadUrl() == null) {
            throw new IllegalStateException("Artifact " + artifact.artifactId() + " is " + artifact.availability() + ", not downloadable yet");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(artifact.access().downloadUrl())).timeout(Duration.ofSeconds(30)).GET().build();
        return send(request, 200).body();
    }

    /** Parses a webhook body; call {@link WebhookVerifier#verify} on the raw bytes first. */
    public static ResultReadyEvent parseResultReady(byte[] verifiedBody) {
        return read(verifiedBody, ResultReadyEvent.class);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", apiKey)
                .header("Accept", "application/json");
    }

    private HttpResponse<byte[]> send(HttpRequest request, int expectedStatus) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
        }
        if (response.statusCode() != expectedStatus) {
            throw error(response);
        }
        return response;
    }

    private static IduScoreApiException error(HttpResponse<byte[]> response) {
        String requestId = response.headers().firstValue("x-request-id").orElse(null);
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            return new IduScoreApiException(response.statusCode(), error.path("code").asText("UNKNOWN"),
                    error.path("message").asText(""), error.path("requestId").asText(requestId));
        } catch (IOException notJson) {
            return new IduScoreApiException(response.statusCode(), "UNKNOWN", "non-JSON error body", requestId);
        }
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unexpected " + type.getSimpleName() + " body", e);
        }
    }
}
