package com.iduscore.mock.junit5;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint on 127.0.0.1 and a free port, registered by the extension for every demo tenant
 * ({@code <url>/<tenantId>}): it keeps every request and answers {@link #answerWith} (204 by default), so a test can
 * make the mock retry.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<WebhookDelivery> received = new ConcurrentLinkedQueue<>();
    private volatile int answer = 204;

    private WebhookReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            WebhookReceiver receiver = new WebhookReceiver(server, executor);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("The webhook receiver could not start", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            int status = answer;
            received.add(new WebhookDelivery(exchange.getRequestURI().getPath(), Map.copyOf(headers), body, status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request received since the last {@link #clear}, oldest first. */
    public List<WebhookDelivery> received() {
        return List.copyOf(received);
    }

    /** The status the receiver answers from now on: e.g. 500 to make the mock retry, 204 (default) to acknowledge. */
    public void answerWith(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200..599, was " + status);
        }
        answer = status;
    }

    /** Forgets what was received and answers 204 again. */
    public void clear() {
        received.clear();
        answer = 204;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
