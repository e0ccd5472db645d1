package com.iduscore.mock.webhook;

import com.iduscore.mock.domain.webhook.WebhookTransport.DeliveryOutcome;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpWebhookTransportTest {
    private static final byte[] BODY = "{\"eventType\":\"result.ready\",\"note\":\"café ≥ 1\"}"
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer receiver;
    private ExecutorService receiverThreads;
    private final AtomicReference<Headers> receivedHeaders = new AtomicReference<>();
    private final AtomicReference<byte[]> receivedBody = new AtomicReference<>();
    private final AtomicReference<String> receivedMethod = new AtomicReference<>();
    private final CountDownLatch releaseSlowHandler = new CountDownLatch(1);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiverThreads = Executors.newCachedThreadPool();
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/hooks/ok", exchange -> {
            receivedMethod.set(exchange.getRequestMethod());
            receivedHeaders.set(exchange.getRequestHeaders());
            try (InputStream in = exchange.getRequestBody()) {
                receivedBody.set(in.readAllBytes());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/hooks/broken", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "boom".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.createContext("/hooks/slow", exchange -> {
            try {
                releaseSlowHandler.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        releaseSlowHandler.countDown();
        receiver.stop(0);
        receiverThreads.shutdownNow();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }

    @Test
    void reports_the_status_and_no_error_for_a_2xx_answer() {
        DeliveryOutcome outcome = new HttpWebhookTransport().post(url("/hooks/ok"), Map.of(), BODY);

        assertThat(outcome).isEqualTo(new DeliveryOutcome(204, null));
        assertThat(outcome.acknowledged()).isTrue();
    }

    @Test
    void delivers_headers_and_body_byte_for_byte_with_post() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Idunox-Event", "result.ready");
        headers.put("X-Idunox-Signature", "v1=abc123");
        headers.put("X-Api-Key", "partner-webhook-key");

        new HttpWebhookTransport().post(url("/hooks/ok"), headers, BODY);

        assertThat(receivedMethod.get()).isEqualTo("POST");
        assertThat(receivedBody.get()).isEqualTo(BODY);
        headers.forEach((name, value) -> assertThat(receivedHeaders.get().get(name))
                .as("header %s", name).containsExactly(value));
    }

    @Test
    void sends_json_content_type_unless_told_otherwise() {
        new HttpWebhookTransport().post(url("/hooks/ok"), Map.of("X-Idunox-Event", "result.ready"), BODY);
        assertThat(receivedHeaders.get().get("Content-Type")).containsExactly("application/json");

        new HttpWebhookTransport().post(url("/hooks/ok"), Map.of("content-type", "application/json; charset=utf-8"), BODY);
        assertThat(receivedHeaders.get().get("Content-Type")).containsExactly("application/json; charset=utf-8");
    }

    @Test
    void reports_a_non_2xx_answer_as_an_error_with_its_status() {
        DeliveryOutcome outcome = new HttpWebhookTransport().post(url("/hooks/broken"), Map.of(), BODY);

        assertThat(outcome).isEqualTo(new DeliveryOutcome(500, "HTTP 500"));
        assertThat(outcome.acknowledged()).isFalse();
    }

    @Test
    void reports_an_unknown_path_as_http_404() {
        assertThat(new HttpWebhookTransport().post(url("/nowhere"), Map.of(), BODY))
                .isEqualTo(new DeliveryOutcome(404, "HTTP 404"));
    }

    @Test
    void reports_a_refused_connection_without_throwing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        DeliveryOutcome outcome = new HttpWebhookTransport()
                .post(URI.create("http://127.0.0.1:" + closedPort + "/hooks"), Map.of(), BODY);

        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).isEqualTo("ConnectException: no answer from 127.0.0.1:" + closedPort);
    }

    @Test
    void gives_up_on_a_slow_receiver_after_the_request_timeout() {
        HttpWebhookTransport transport = new HttpWebhookTransport(Duration.ofMillis(300));
        long started = System.nanoTime();

        DeliveryOutcome outcome = transport.post(url("/hooks/slow"), Map.of(), BODY);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).startsWith("HttpTimeoutException: ");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void reports_a_header_the_client_refuses_as_an_error_instead_of_throwing() {
        DeliveryOutcome outcome = new HttpWebhookTransport()
                .post(url("/hooks/ok"), Map.of("Bad Header", "x"), BODY);

        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).startsWith("IllegalArgumentException: ");
    }

    @Test
    void refuses_a_non_positive_timeout_at_construction() {
        assertThatThrownBy(() -> new HttpWebhookTransport(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
