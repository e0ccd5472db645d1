package com.iduscore.contract.selftest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} on {@code 127.0.0.1:0} in front of a conforming deployment (the mock), forwarding every
 * request and applying one planted {@link Deviation} at a time. It also relays the deployment's webhooks: the
 * deployment is told to send {@code result.ready} to {@link #relayUrl()}, and the proxy forwards each delivery (through
 * the deviation) to the suite's inbox, so webhook deviations can be planted too.
 *
 * <p>Transparent by itself: absolute links the deployment writes with its own address (artifact {@code downloadUrl}s)
 * are rewritten to the proxy's, so the suite never goes around it.
 *
 * <p>Lifecycle: {@link #start()} binds the port (known before the deployment starts, which needs the relay URL), then
 * {@link #forwardTo} and {@link #relayTo} name the two ends; {@link #close()} stops it. Thread-safe.
 */
public final class DeviationProxy implements AutoCloseable {

    /**
     * A response header a {@link Deviation} sets to have the answer sent chunked ({@code Transfer-Encoding: chunked})
     * instead of with a {@code Content-Length}; the proxy consumes it.
     */
    public static final String CHUNKED = "X-Selftest-Chunked";

    /** Path of the webhook relay on the proxy. */
    public static final String RELAY_PATH = "/__relay/webhook";

    /**
     * Hop-by-hop headers, those the JDK client sets itself, and {@code Accept-Encoding}: the proxy reads and may rewrite
     * every body, so it asks the deployment for plain ones.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "expect", "te", "trailer", "proxy-connection", "date", "via", "warning", "accept-encoding");

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private volatile String upstream;
    private volatile String inboxUrl;
    private volatile Deviation deviation = Deviation.NONE;
    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();

    private DeviationProxy(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    }

    /** Binds {@code 127.0.0.1} on a free port and starts serving (502 until {@link #forwardTo} is called). */
    public static DeviationProxy start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            DeviationProxy proxy = new DeviationProxy(server, executor);
            server.createContext("/", proxy::handlePartnerRequest);
            server.createContext(RELAY_PATH, proxy::handleWebhook);
            server.setExecutor(executor);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the deviation proxy", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The URL to register as the deployment's webhook. */
    public String relayUrl() {
        return baseUrl() + RELAY_PATH;
    }

    /** The deployment every partner request goes to, e.g. {@code http://127.0.0.1:41234}. */
    public void forwardTo(String baseUrl) {
        this.upstream = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The receiver every relayed webhook goes to (the suite's inbox URL). */
    public void relayTo(String url) {
        this.inboxUrl = url;
    }

    /** Plants {@code planted} (replacing the previous one) and resets the application count. */
    public void plant(Deviation planted) {
        this.deviation = planted == null ? Deviation.NONE : planted;
        applied.set(0);
    }

    /** How often the planted deviation changed a message since it was planted. */
    public int applied() {
        return applied.get();
    }

    /** Partner requests forwarded since the proxy started (to see that a run went through it at all). */
    public int forwarded() {
        return forwarded.get();
    }

    // ---------------------------------------------------------------------------------------------- partner traffic

    private void handlePartnerRequest(HttpExchange exchange) throws IOException {
        try (exchange) {
            ProxiedRequest request = new ProxiedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), readBody(exchange));
            ProxiedResponse response;
            try {
                response = serve(request);
            } catch (RuntimeException e) {
                response = ProxiedResponse.error(502, "PROXY_ERROR", "the self-test proxy failed: " + e, null);
            }
            reply(exchange, response);
        }
    }

    private ProxiedResponse serve(ProxiedRequest request) {
        Deviation planted = deviation;
        Optional<ProxiedResponse> own = planted.answer(request, this::send);
        if (own.isPresent()) {
            applied.incrementAndGet();
            return own.get();
        }
        ProxiedRequest forward = planted.request(request);
        if (forward != request) {
            applied.incrementAndGet();
        }
        forwarded.incrementAndGet();
        ProxiedResponse original = send(forward);
        ProxiedResponse answer = planted.response(request, original, this::send);
        if (answer != original) {
            applied.incrementAndGet();
        }
        return answer;
    }

    /** Sends a request to the deployment untouched, with its own address rewritten to the proxy's in the answer. */
    private ProxiedResponse send(ProxiedRequest request) {
        String base = upstream;
        if (base == null) {
            return ProxiedResponse.error(502, "PROXY_ERROR", "the self-test proxy has no upstream yet", null);
        }
        HttpResponse<byte[]> response = exchange(URI.create(base + request.target()), request.method(), request.headers(),
                request.body());
        byte[] body = response.body();
        if (isText(response)) {
            body = new String(body, StandardCharsets.UTF_8).replace(base, baseUrl()).getBytes(StandardCharsets.UTF_8);
        }
        return new ProxiedResponse(response.statusCode(), withoutHopByHop(response.headers().map()), body);
    }

    private static boolean isText(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase();
        return type.startsWith("application/json") || type.startsWith("text/") || type.contains("yaml");
    }

    // ---------------------------------------------------------------------------------------------- webhook relay

    private void handleWebhook(HttpExchange exchange) throws IOException {
        try (exchange) {
            WebhookDelivery delivery = new WebhookDelivery(exchange.getRequestHeaders(), readBody(exchange));
            Deviation planted = deviation;
            Optional<WebhookDelivery> relayed = planted.webhook(delivery);
            if (relayed.isEmpty() || relayed.get() != delivery) {
                applied.incrementAndGet();
            }
            if (relayed.isEmpty()) {
                reply(exchange, new ProxiedResponse(200, Map.of("Content-Type", List.of("application/json")),
                        "{\"swallowed\":true}".getBytes(StandardCharsets.UTF_8)));
                return;
            }
            String target = inboxUrl;
            if (target == null) {
                reply(exchange, ProxiedResponse.error(502, "PROXY_ERROR", "no webhook receiver behind the relay", null));
                return;
            }
            ProxiedResponse answer;
            try {
                HttpResponse<byte[]> response = exchange(URI.create(target), "POST", relayed.get().headers(), relayed.get().body());
                answer = new ProxiedResponse(response.statusCode(), withoutHopByHop(response.headers().map()), response.body());
            } catch (RuntimeException e) {
                answer = ProxiedResponse.error(502, "PROXY_ERROR", "the webhook receiver is unreachable: " + e, null);
            }
            planted.webhookAnswered(relayed.get(), answer.status());
            reply(exchange, answer);
        }
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    private HttpResponse<byte[]> exchange(URI uri, String method, Map<String, List<String>> headers, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> {
                    try {
                        builder.header(name, value);
                    } catch (IllegalArgumentException restricted) {
                        // a header the JDK client refuses to set; it sets its own
                    }
                });
            }
        });
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + uri, e);
        }
    }

    private static Map<String, List<String>> withoutHopByHop(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && !name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase())) {
                copy.put(name, values);
            }
        });
        return copy;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void reply(HttpExchange exchange, ProxiedResponse response) throws IOException {
        boolean chunked = response.header(CHUNKED).isPresent();
        response.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !CHUNKED.equalsIgnoreCase(name)) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
        });
        boolean noBody = response.body().length == 0 || response.status() == 204 || response.status() == 304
                || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : chunked ? 0 : response.body().length);
        if (!noBody) {
            exchange.getResponseBody().write(response.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
