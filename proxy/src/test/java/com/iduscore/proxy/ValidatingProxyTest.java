package com.iduscore.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.contract.openapi.OpenApiInteractionChecker;
import com.iduscore.contract.target.DemoTenants;
import com.iduscore.contract.target.MockJarProcess;
import com.iduscore.proxy.record.RecordedExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy in front of the real mock (a process): transparent, validating, recording, and safe when the upstream fails. */
class ValidatingProxyTest {

    private static DemoTenants tenants;
    private static MockJarProcess mock;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start_the_mock() {
        tenants = DemoTenants.load();
        mock = RunningProxy.mock(tenants.document(), "proxy-test-mock.log");
    }

    @AfterAll
    static void stop_the_mock() {
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void a_conforming_upstream_shows_no_violation_over_a_partners_whole_day(@TempDir Path dir) throws Exception {
        try (RunningProxy proxy = RunningProxy.start(mock.baseUrl(), dir)) {
            PartnerTraffic traffic = new PartnerTraffic(proxy.baseUrl(), tenants.primary());
            traffic.fullLifecycle();
            traffic.usualMistakes();
            proxy.awaitExchanges(traffic.responses.size());

            JsonNode report = proxy.report();
            assertThat(report.path("summary").path("exchanges").asInt()).isEqualTo(traffic.responses.size()).isGreaterThan(10);
            assertThat(report.path("summary").path("responseViolations").asInt()).as("violations of a conforming upstream").isZero();
            assertThat(report.path("violations")).as("only the partner's own mistakes: no key, an empty submission")
                    .extracting(v -> v.path("rule").asText()).contains("validation.request.security.missing")
                    .allMatch(rule -> rule.startsWith("validation.request."));
            assertThat(operationsSeen(report)).contains("POST /v1/submissions", "GET /v1/submissions/{submissionId}",
                    "GET /v1/jobs/{jobId}", "GET /v1/results/{resultId}");
            assertThat(traffic.responses.stream().map(HttpResponse::statusCode)).contains(202, 200, 400, 401, 404, 405);
            assertThat(report.path("coverage").path("operationsSeen").asInt()).isGreaterThanOrEqualTo(4);
            assertThat(Files.readString(dir.resolve("traffic.html"))).contains("Violations by rule", "None.");
        }
    }

    @Test
    void the_answer_comes_back_unchanged_status_headers_and_bytes(@TempDir Path dir) throws Exception {
        try (RunningProxy proxy = RunningProxy.start(mock.baseUrl(), dir)) {
            for (String target : List.of("/openapi.yaml", "/health", "/v1/jobs/" + UUID.randomUUID())) {
                HttpResponse<byte[]> direct = get(mock.baseUrl() + target, tenants.primary().apiKey());
                HttpResponse<byte[]> proxied = get(proxy.baseUrl() + target, tenants.primary().apiKey());
                assertThat(proxied.statusCode()).as(target).isEqualTo(direct.statusCode());
                // the JDK server adds Date when the upstream sent none (CONTRACT.md O9); everything else is the upstream's
                assertThat(headerNames(proxied)).as(target).isEqualTo(withDate(headerNames(direct)));
                assertThat(proxied.headers().firstValue("content-type")).isEqualTo(direct.headers().firstValue("content-type"));
                if (!target.startsWith("/v1/jobs") && !target.equals("/health")) {
                    assertThat(proxied.body()).as(target + " bytes").isEqualTo(direct.body());
                }
            }
        }
    }

    @Test
    void a_request_that_breaks_the_contract_is_forwarded_and_recorded_as_a_violation_with_a_masked_curl_line(@TempDir Path dir)
            throws Exception {
        try (RunningProxy proxy = RunningProxy.start(mock.baseUrl(), dir)) {
            HttpResponse<byte[]> answer = get(proxy.baseUrl() + "/v1/jobs/not-a-uuid", tenants.primary().apiKey());
            proxy.awaitExchanges(1);

            assertThat(answer.statusCode()).as("the upstream's own 400 comes back").isEqualTo(400);
            JsonNode report = proxy.report();
            assertThat(report.path("summary").path("violations").asInt()).isEqualTo(1);
            JsonNode rule = report.path("violations").get(0);
            assertThat(rule.path("rule").asText()).isEqualTo("validation.request.parameter.schema.format.uuid");
            assertThat(rule.path("operations").has("GET /v1/jobs/{jobId}")).isTrue();
            assertThat(rule.path("curl").asText()).startsWith("curl ").contains(mock.baseUrl() + "/v1/jobs/not-a-uuid")
                    .contains("idu_…****").doesNotContain(tenants.primary().apiKey());
            assertThat(Files.readString(dir.resolve("exchanges.jsonl"))).doesNotContain(tenants.primary().apiKey());
            assertThat(Files.readString(dir.resolve("traffic.html"))).contains("validation.request.parameter.schema.format.uuid");
        }
    }

    @Test
    void the_recording_reads_back_one_exchange_per_request_in_order(@TempDir Path dir) throws Exception {
        try (RunningProxy proxy = RunningProxy.start(mock.baseUrl(), dir)) {
            PartnerTraffic traffic = new PartnerTraffic(proxy.baseUrl(), tenants.primary());
            traffic.usualMistakes();
            proxy.awaitExchanges(5);

            List<RecordedExchange> recorded = proxy.recording();
            assertThat(recorded).hasSize(5);
            assertThat(recorded).extracting(RecordedExchange::status).containsExactly(401, 404, 404, 400, 405);
            assertThat(recorded.get(1).operation()).isEqualTo("GET /v1/no-such-route (not in the contract)");
            assertThat(recorded.get(2).responseBody()).contains("\"NOT_FOUND\"");
            assertThat(recorded.get(2).requestHeader("x-api-key")).isEqualTo("idu_…****");
        }
    }

    @Test
    void enforce_answers_a_non_conforming_request_itself_with_the_APIs_400_envelope(@TempDir Path dir) throws Exception {
        try (ServerSocket nobody = new ServerSocket(0);
             RunningProxy proxy = RunningProxy.start("http://127.0.0.1:" + deadPort(), dir, true, 1 << 20, Duration.ofSeconds(5), null)) {
            HttpResponse<byte[]> refused = get(proxy.baseUrl() + "/v1/jobs/not-a-uuid", tenants.primary().apiKey());
            HttpResponse<byte[]> forwarded = get(proxy.baseUrl() + "/v1/jobs/" + UUID.randomUUID(), tenants.primary().apiKey());

            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode error = PartnerTraffic.json(refused).path("error");
            assertThat(error.path("code").asText()).isEqualTo("VALIDATION_ERROR");
            assertThat(error.path("requestId").asText()).isEqualTo(refused.headers().firstValue("x-request-id").orElseThrow());
            assertThat(error.path("details").path("formErrors").get(0).asText()).contains("jobId");
            assertThat(conforms("GET", "/v1/jobs/" + UUID.randomUUID(), refused)).as("the proxy's own 400 keeps the contract").isEmpty();
            assertThat(forwarded.statusCode()).as("a conforming request still goes to the (dead) upstream").isEqualTo(502);
            proxy.awaitExchanges(2);
            assertThat(proxy.report().path("summary").path("enforced").asInt()).isEqualTo(1);
        }
    }

    @Test
    void an_unreachable_upstream_is_answered_502_with_the_APIs_envelope_and_a_line_in_the_report(@TempDir Path dir) throws Exception {
        try (RunningProxy proxy = RunningProxy.start("http://127.0.0.1:" + deadPort(), dir)) {
            HttpResponse<byte[]> answer = get(proxy.baseUrl() + "/v1/jobs/" + UUID.randomUUID(), tenants.primary().apiKey());

            assertThat(answer.statusCode()).isEqualTo(502);
            JsonNode error = PartnerTraffic.json(answer).path("error");
            assertThat(error.path("code").asText()).isEqualTo("BAD_GATEWAY");
            assertThat(error.path("message").asText()).contains("connection refused").doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+Exception");
            assertThat(error.path("requestId").asText()).isEqualTo(answer.headers().firstValue("x-request-id").orElseThrow());
            proxy.awaitExchanges(1);
            JsonNode report = proxy.report();
            assertThat(report.path("summary").path("upstreamErrors").asInt()).isEqualTo(1);
            assertThat(report.path("upstreamErrors").get(0).path("error").asText()).contains("connection refused");
            assertThat(report.path("summary").path("violations").asInt()).as("the proxy's own answer is no upstream violation").isZero();
        }
    }

    @Test
    void an_upstream_that_never_answers_is_answered_504(@TempDir Path dir) throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             RunningProxy proxy = RunningProxy.start("http://127.0.0.1:" + silent.getLocalPort(), dir, false, 1 << 20,
                     Duration.ofMillis(500), null)) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            HttpResponse<byte[]> answer = get(proxy.baseUrl() + "/health", null);

            assertThat(answer.statusCode()).isEqualTo(504);
            assertThat(PartnerTraffic.json(answer).path("error").path("code").asText()).isEqualTo("GATEWAY_TIMEOUT");
            proxy.awaitExchanges(1);
            assertThat(proxy.report().path("upstreamErrors").get(0).path("error").asText()).contains("timed out");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void a_body_over_the_cap_streams_through_whole_and_is_recorded_by_size_only(@TempDir Path dir) throws Exception {
        try (RunningProxy proxy = RunningProxy.start(mock.baseUrl(), dir, false, 1024, Duration.ofSeconds(20), null)) {
            HttpResponse<byte[]> direct = get(mock.baseUrl() + "/openapi.json", null);
            HttpResponse<byte[]> proxied = get(proxy.baseUrl() + "/openapi.json", null);
            proxy.awaitExchanges(1);

            assertThat(direct.body().length).isGreaterThan(10 * 1024);
            assertThat(proxied.body()).isEqualTo(direct.body());
            RecordedExchange recorded = proxy.recording().get(0);
            assertThat(recorded.responseBody()).isNull();
            assertThat(recorded.responseBytes()).isEqualTo(direct.body().length);
            assertThat(recorded.validated()).isFalse();
            assertThat(recorded.note()).contains("over the 1024-byte cap");
        }
    }

    @Test
    void a_compressed_answer_passes_through_compressed_and_is_validated_decoded(@TempDir Path dir) throws Exception {
        try (RunningProxy proxy = RunningProxy.start(mock.baseUrl(), dir)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/openapi.json"))
                    .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(20)).GET().build();
            HttpResponse<byte[]> proxied = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> plain = get(mock.baseUrl() + "/openapi.json", null);
            proxy.awaitExchanges(1);

            assertThat(proxied.headers().firstValue("content-encoding")).as("the upstream's gzip, untouched").contains("gzip");
            try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(proxied.body()))) {
                assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
            }
            RecordedExchange recorded = proxy.recording().get(0);
            assertThat(recorded.validated()).isTrue();
            assertThat(recorded.violations()).isEmpty();
            assertThat(recorded.responseBody()).startsWith("{").contains("\"openapi\"");
        }
    }

    private static List<String> operationsSeen(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("operations").forEach(o -> out.add(o.path("operation").asText()));
        return out;
    }

    private static List<String> conforms(String method, String target, HttpResponse<byte[]> response) {
        return OpenApiInteractionChecker.shared().violations(method, target, Map.of(), null, response.statusCode(),
                response.headers().map(), response.body(), false);
    }

    private static Map<String, Integer> headerNames(HttpResponse<byte[]> response) {
        Map<String, Integer> names = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!n.equals(":status")) {
                names.merge(n, values.size(), Integer::sum);
            }
        });
        return names;
    }

    private static Map<String, Integer> withDate(Map<String, Integer> names) {
        names.putIfAbsent("date", 1);
        return names;
    }

    private HttpResponse<byte[]> get(String url, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
