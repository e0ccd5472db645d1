package com.iduscore.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.target.Credential;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A partner's day through a base URL, with a plain JDK client: submit (and replay the submission), follow it to its
 * result, read every job, the result and its artifacts, and make the usual mistakes (no key, an unknown route, a bad id).
 * What each answer was is kept for the test to look at; nothing is asserted here.
 */
public final class PartnerTraffic {

    public static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Credential credential;
    public final List<HttpResponse<byte[]>> responses = new ArrayList<>();

    public PartnerTraffic(String base, Credential credential) {
        this.base = base;
        this.credential = credential;
    }

    /** The whole day; returns the submission id. */
    public String fullLifecycle() throws IOException, InterruptedException {
        String key = UUID.randomUUID().toString();
        byte[] body = JSON.writeValueAsBytes(Fixtures.validSubmission(credential, "proxy"));
        HttpResponse<byte[]> accepted = post("/v1/submissions", body, key);
        post("/v1/submissions", body, key);
        JsonNode submission = json(accepted);
        String submissionId = submission.path("submissionId").asText();
        JsonNode detail = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            detail = json(get("/v1/submissions/" + submissionId));
            if (detail.hasNonNull("resultId") && detail.path("status").asText().matches("completed|succeeded|failed|dead_letter")) {
                break;
            }
            Thread.sleep(100);
        }
        if (detail != null) {
            get("/v1/jobs/" + submission.path("jobId").asText());
            for (JsonNode job : detail.path("jobs")) {
                get("/v1/jobs/" + job.path("jobId").asText());
            }
            if (detail.hasNonNull("resultId")) {
                JsonNode result = json(get("/v1/results/" + detail.path("resultId").asText()));
                result.findValues("downloadUrl").forEach(url -> {
                    try {
                        URI uri = URI.create(url.asText());
                        get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        return submissionId;
    }

    /**
     * A few requests the API answers with errors, still within the contract: no key, an unknown route, an unknown
     * result, an empty submission, a method the path does not have.
     */
    public void usualMistakes() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + UUID.randomUUID())).GET());
        get("/v1/no-such-route");
        get("/v1/results/" + UUID.randomUUID());
        post("/v1/submissions", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), UUID.randomUUID().toString());
        send(HttpRequest.newBuilder(URI.create(base + "/v1/submissions")).header("X-Api-Key", credential.apiKey()).DELETE());
    }

    public HttpResponse<byte[]> get(String target) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + target)).header("X-Api-Key", credential.apiKey()).GET());
    }

    public HttpResponse<byte[]> post(String target, byte[] body, String idempotencyKey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + target)).header("X-Api-Key", credential.apiKey())
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .header("x-correlation-id", "corr-proxy-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        responses.add(response);
        return response;
    }

    public static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
