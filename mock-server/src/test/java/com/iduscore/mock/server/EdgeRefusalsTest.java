package com.iduscore.mock.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Jetty refuses before WireMock sees the request, and what WireMock fails on while reading it, answers the API's
 * envelope with {@code x-request-id} (CONTRACT.md D4), never Jetty's HTML page or a Java class name. Raw sockets:
 * {@code java.net.http} will not send most of these.
 */
class EdgeRefusalsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static IduScoreMockServer mock;

    @BeforeAll
    static void start() {
        mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0).withClock(ClockMode.MANUAL));
    }

    @AfterAll
    static void stop() {
        mock.stop();
    }

    @Test
    void a_32_kib_header_answers_431_with_a_header_too_large_message() throws IOException {
        JsonNode error = refused(get("/health", "X-Big: " + "a".repeat(32 * 1024)), 431);

        assertThat(error.path("code").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(error.path("message").asText()).contains("header").contains("too large");
    }

    @Test
    void a_nul_byte_in_the_path_answers_400() throws IOException {
        refused(get("/v1/submissions/%00", ""), 400);
    }

    @Test
    void an_encoded_dot_dot_segment_answers_the_envelope() throws IOException {
        RawHttp.Response response = RawHttp.once(mock.port(), request("GET /%2e%2e/health HTTP/1.1", ""));

        assertThat(EdgeContract.problems(response, false, false)).isEmpty();
        assertThat(response.status()).isBetween(400, 404);
    }

    @Test
    void a_raw_dot_dot_segment_above_the_root_answers_400() throws IOException {
        refused(request("GET /../health HTTP/1.1", ""), 400);
    }

    @Test
    void a_control_character_in_the_api_key_answers_400_naming_it() throws IOException {
        JsonNode error = refused(get("/v1/submissions/00000000-0000-4000-8000-000000000000", "X-Api-Key: idu\u0001demo"), 400);

        assertThat(error.path("code").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(error.path("message").asText()).contains("Illegal character");
    }

    @Test
    void a_broken_percent_escape_in_the_query_answers_400_and_echoes_the_request_id() throws IOException {
        RawHttp.Response response = RawHttp.once(mock.port(), get("/health?%zz", "x-request-id: edge-query-1"));

        JsonNode error = envelope(response, 400);
        assertThat(error.path("message").asText()).contains("percent-encoding");
        assertThat(response.header("x-request-id")).isEqualTo("edge-query-1");
    }

    @Test
    void a_broken_percent_escape_in_the_path_answers_400() throws IOException {
        refused(get("/v1/%zz", ""), 400);
    }

    @Test
    void an_overlong_uri_answers_414() throws IOException {
        refused(get("/" + "a".repeat(70_000), ""), 414);
    }

    @Test
    void an_unknown_http_version_answers_505_in_the_envelope() throws IOException {
        JsonNode error = envelope(RawHttp.once(mock.port(), request("GET /health HTTP/9.9", "")), 505);

        assertThat(error.path("message").asText()).contains("HTTP/1.1");
    }

    @Test
    void connect_answers_405_instead_of_opening_a_tunnel() throws IOException {
        refused(request("CONNECT example.test:443 HTTP/1.1", ""), 405);
    }

    @Test
    void a_garbled_chunked_body_answers_400() throws IOException {
        refused(request("POST /v1/submissions HTTP/1.1", "X-Api-Key: idu_demo_a1\r\nTransfer-Encoding: chunked")
                + "zz\r\n", 400);
    }

    @Test
    void a_body_that_claims_gzip_but_is_not_answers_400() throws IOException {
        refused(request("POST /v1/submissions HTTP/1.1", "X-Api-Key: idu_demo_a1\r\nIdempotency-Key: edge-gzip\r\n"
                + "x-correlation-id: c\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 5")
                + "hello", 400);
    }

    @Test
    void a_request_id_that_is_not_printable_ascii_is_replaced_not_echoed() throws IOException {
        RawHttp.Response response = RawHttp.once(mock.port(),
                get("/v1/nowhere", "x-request-id: caf\u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        envelope(response, 404);
        assertThat(response.header("x-request-id")).isNotEqualTo("caf\u00e9").matches("[0-9a-f-]{36}");
    }

    @Test
    void the_leak_check_catches_what_jetty_and_wiremock_used_to_send_and_passes_the_envelope() {
        String jettyPage = "<h1>Bad Message 400</h1><pre>reason: Bad Request</pre>";
        String errorPage = "<title>Error 500 java.lang.IllegalArgumentException: URLDecoder: Illegal hex characters</title>";
        String frame = "\tat com.github.tomakehurst.wiremock.common.Urls.decode(Urls.java:104)";
        String jackson = "exceeds the maximum allowed (1000, from `com.fasterxml.jackson.core.StreamReadConstraints`)";

        assertThat(List.of(jettyPage, errorPage, frame, jackson)).allMatch(body -> EdgeContract.LEAK.matcher(body).find());
        assertThat(EdgeContract.LEAK.matcher("{\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":"
                + "\"Malformed HTTP request: Illegal character CNTL=0x1\",\"requestId\":\"r\"}}").find()).isFalse();
    }

    @Test
    void refused_requests_write_nothing_to_the_log() throws IOException {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            // proves the capture sees the log: this line, and only this line, must be in it
            org.slf4j.LoggerFactory.getLogger(EdgeRefusalsTest.class).warn("capture works");
            RawHttp.once(mock.port(), get("/health", "X-Big: " + "a".repeat(33 * 1024)));
            RawHttp.once(mock.port(), get("/health", "X-Api-Key: a\u0001b"));
            RawHttp.once(mock.port(), get("/health?%zz", ""));
            RawHttp.once(mock.port(), get("/../health", ""));
            RawHttp.once(mock.port(), request("GET /health HTTP/9.9", ""));
            RawHttp.once(mock.port(), request("CONNECT example.test:443 HTTP/1.1", ""));
            RawHttp.once(mock.port(), request("POST /v1/submissions HTTP/1.1", "Transfer-Encoding: chunked") + "zz\r\n");
        } finally {
            System.setErr(original);
        }

        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines()).singleElement().asString()
                .contains("capture works");
    }

    /** The error object of a response that must be the envelope with {@code status}. */
    private static JsonNode envelope(RawHttp.Response response, int status) throws IOException {
        assertThat(EdgeContract.problems(response, false, status == 505)).as(response.text()).isEmpty();
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        return JSON.readTree(response.body()).path("error");
    }

    private static JsonNode refused(String request, int status) throws IOException {
        return envelope(RawHttp.once(mock.port(), request), status);
    }

    private static String get(String target, String header) {
        return request("GET " + target + " HTTP/1.1", header);
    }

    /** The request line, Host, the extra header lines (may be empty), Connection: close, and the blank line. */
    private static String request(String requestLine, String headers) {
        return requestLine + "\r\nHost: 127.0.0.1\r\n" + (headers.isEmpty() ? "" : headers + "\r\n")
                + "Connection: close\r\n\r\n";
    }
}
