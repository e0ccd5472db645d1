package com.iduscore.proxy;

import com.iduscore.contract.openapi.OpenApiInteractionChecker;
import com.iduscore.contract.report.Masking;
import com.iduscore.proxy.record.RecordedExchange;
import com.iduscore.proxy.report.TrafficLog;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A reverse proxy in front of one IduScore deployment that checks every exchange against the contract and records it,
 * without getting in the way: the request goes on unchanged (hop-by-hop headers aside; {@code Host} becomes the
 * upstream's), the upstream's status, headers and body bytes come back unchanged, streamed as they arrive. Validation
 * and recording happen after the client has its answer, on their own thread, so they add CPU but no latency.
 *
 * <p>Optionally it also fronts the partner's webhook endpoint: the deployment posts {@code result.ready} to
 * {@link #webhookUrl()}, the proxy checks the delivery against the document's {@code webhooks} entry and forwards it.
 *
 * <p>JDK {@link HttpServer} on virtual threads (no Jetty: WireMock's relocated Jetty 11 sits on other modules'
 * classpaths), {@link HttpClient} upstream. Thread-safe; {@link #close()} stops both listeners.
 */
public final class ValidatingProxy implements AutoCloseable {

    /** Not forwarded in either direction (RFC 9110 §7.6.1), plus the ones the JDK client and server set themselves. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");
    private static final int COPY_BUFFER = 16 * 1024;

    static {
        // the JDK server writes headers and body in separate segments: without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to most answers. Read once, when the JDK's server config class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * @param upstream        the deployment, e.g. {@code https://api-test.iduscore.example} (a path prefix is kept)
     * @param bodyCap         bodies up to this many bytes are held for validation and the recording; larger ones stream
     *                        through unvalidated
     * @param upstreamTimeout the longest wait for the upstream's response headers before the proxy answers 504
     * @param webhookTarget   the partner's webhook endpoint to front, or null
     * @param webhookPort     where the webhook listener binds (0: any free port); ignored without a target
     */
    public record Settings(URI upstream, String bind, int port, boolean enforce, int bodyCap, Duration upstreamTimeout,
                           URI webhookTarget, int webhookPort, String webhookName) {
    }

    private final Settings settings;
    private final String upstreamBase;
    private final TrafficLog log;
    private final OpenApiInteractionChecker checker;
    private final ContractOperations operations;
    private final HttpServer server;
    private final HttpServer webhookServer;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;
    private final AtomicLong seq = new AtomicLong();
    /**
     * Validation and recording run on one low-priority thread behind a bounded queue, off the forwarding path: under
     * load the proxy keeps forwarding at full speed, and what cannot be validated in time is recorded as not validated
     * (with why) instead of slowing the client down or growing without bound.
     */
    private final ThreadPoolExecutor validation;
    private final AtomicLong queuedBytes = new AtomicLong();
    static final int MAX_QUEUED_EXCHANGES = 4096;
    static final long MAX_QUEUED_BYTES = 64L << 20;

    private ValidatingProxy(Settings settings, TrafficLog log, OpenApiInteractionChecker checker) throws IOException {
        this.settings = settings;
        String base = settings.upstream().toString();
        this.upstreamBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.log = log;
        this.checker = checker;
        this.operations = ContractOperations.shared();
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
        this.validation = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_QUEUED_EXCHANGES), r -> {
            Thread t = new Thread(r, "proxy-validation");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 512);
        server.createContext("/", this::handlePartner);
        server.setExecutor(executor);
        if (settings.webhookTarget() != null) {
            webhookServer = HttpServer.create(new InetSocketAddress(settings.bind(), settings.webhookPort()), 64);
            webhookServer.createContext("/", this::handleWebhook);
            webhookServer.setExecutor(executor);
        } else {
            webhookServer = null;
        }
    }

    /** Binds and starts serving. */
    public static ValidatingProxy start(Settings settings, TrafficLog log, OpenApiInteractionChecker checker) {
        try {
            ValidatingProxy proxy = new ValidatingProxy(settings, log, checker);
            proxy.server.start();
            if (proxy.webhookServer != null) {
                proxy.webhookServer.start();
            }
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    public String baseUrl() {
        return "http://" + hostForUrl(settings.bind()) + ":" + server.getAddress().getPort();
    }

    /** Where the deployment should post webhooks, or null when no webhook target was given. */
    public String webhookUrl() {
        return webhookServer == null ? null : "http://" + hostForUrl(settings.bind()) + ":" + webhookServer.getAddress().getPort() + "/";
    }

    private static String hostForUrl(String bind) {
        return bind.equals("0.0.0.0") ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]" : bind;
    }

    /** Stops listening, then lets the exchanges already answered be validated and recorded (30 s at most). */
    @Override
    public void close() {
        server.stop(0);
        if (webhookServer != null) {
            webhookServer.stop(0);
        }
        executor.shutdownNow();
        validation.shutdown();
        try {
            validation.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------- partner traffic

    private void handlePartner(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Map<String, List<String>> requestHeaders = copy(exchange.getRequestHeaders());
        Body request = Body.read(exchange.getRequestBody(), settings.bodyCap());

        if (settings.enforce() && request.complete()) {
            List<String> refused = requestViolations(method, target, requestHeaders, request.bytes());
            if (!refused.isEmpty()) {
                ProxyErrors.Answer answer = ProxyErrors.validation(refused);
                Map<String, List<String>> headers = replyOwn(exchange, answer);
                finish(new Done(at, started, "partner", method, target, requestHeaders, request, answer.status(), headers,
                        answer.body(), answer.body().length, true, refused, true, null));
                return;
            }
        }

        HttpResponse<InputStream> response;
        try {
            response = client.send(forward(method, URI.create(upstreamBase + target), requestHeaders, request),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            upstreamFailed(exchange, at, started, method, target, requestHeaders, request,
                    ProxyErrors.gatewayTimeout(describe(e)), "upstream timed out: " + describe(e));
            return;
        } catch (IOException | IllegalArgumentException e) {
            upstreamFailed(exchange, at, started, method, target, requestHeaders, request,
                    ProxyErrors.badGateway(describe(e)), "upstream unreachable: " + describe(e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }

        Map<String, List<String>> responseHeaders = new LinkedHashMap<>(response.headers().map());
        Headers out = exchange.getResponseHeaders();
        responseHeaders.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                out.put(name, values);
            }
        });
        long declaredLength = response.headers().firstValueAsLong("content-length").orElse(-1);
        int status = response.statusCode();
        boolean noBody = method.equalsIgnoreCase("HEAD") || status == 204 || status == 304 || status < 200 || declaredLength == 0;
        // keep the upstream's framing: its Content-Length when it sent one, chunked when it did not (CONTRACT.md O5)
        exchange.sendResponseHeaders(status, noBody ? -1 : declaredLength > 0 ? declaredLength : 0);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        long passed = 0;
        String note = null;
        try (InputStream body = response.body(); OutputStream toClient = exchange.getResponseBody()) {
            byte[] buffer = new byte[COPY_BUFFER];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                if (!noBody) {
                    toClient.write(buffer, 0, n);
                    toClient.flush();
                }
                int keep = (int) Math.min(n, Math.max(0, settings.bodyCap() + 1L - captured.size()));
                captured.write(buffer, 0, keep);
                passed += n;
            }
        } catch (IOException e) {
            note = "the response body broke off after " + passed + " bytes: " + describe(e);
            log.upstreamError(method, target, note);
        } finally {
            exchange.close();
        }
        Body responseBody = new Body(captured.toByteArray(), captured.size() <= settings.bodyCap() && note == null);
        finish(new Done(at, started, "partner", method, target, requestHeaders, request, status, responseHeaders,
                responseBody.bytes(), passed, responseBody.complete(), null, false, note));
    }

    private void upstreamFailed(HttpExchange exchange, Instant at, long started, String method, String target,
                                Map<String, List<String>> requestHeaders, Body request, ProxyErrors.Answer answer, String note)
            throws IOException {
        log.upstreamError(method, target, note);
        Map<String, List<String>> headers = replyOwn(exchange, answer);
        finish(new Done(at, started, "partner", method, target, requestHeaders, request, answer.status(), headers,
                answer.body(), answer.body().length, false, List.of(), false, note));
    }

    private HttpRequest forward(String method, URI uri, Map<String, List<String>> headers, Body body) {
        HttpRequest.BodyPublisher publisher = body.rest() != null
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(body.bytes()), body.rest()))
                : body.bytes().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method, publisher).timeout(settings.upstreamTimeout());
        headers.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : values) {
                    builder.header(name, value);
                }
            }
        });
        return builder.build();
    }

    /** Answers with one of the proxy's own envelopes; returns the headers sent. */
    private static Map<String, List<String>> replyOwn(HttpExchange exchange, ProxyErrors.Answer answer) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-request-id", answer.requestId());
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
            return copy(exchange.getResponseHeaders());
        }
    }

    /** The contract's verdict on a request alone (the response side is left out: it has not happened yet). */
    private List<String> requestViolations(String method, String target, Map<String, List<String>> headers, byte[] body) {
        return checker.violations(method, target, headers, body, 200, Map.of(), null, true).stream()
                .filter(line -> line.startsWith("[request]")).toList();
    }

    // ---------------------------------------------------------------------------------------------- webhooks

    private void handleWebhook(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        long started = System.nanoTime();
        String target = exchange.getRequestURI().getRawPath();
        Map<String, List<String>> requestHeaders = copy(exchange.getRequestHeaders());
        Body request = Body.read(exchange.getRequestBody(), settings.bodyCap());
        String method = exchange.getRequestMethod();
        try {
            HttpResponse<byte[]> response = client.send(forward(method, settings.webhookTarget(), requestHeaders, request),
                    HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> responseHeaders = new LinkedHashMap<>(response.headers().map());
            try (exchange) {
                responseHeaders.forEach((name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                byte[] body = response.body();
                exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            }
            finish(new Done(at, started, "webhook", method, target, requestHeaders, request, response.statusCode(),
                    responseHeaders, response.body(), response.body().length, true, null, false, null));
        } catch (IOException e) {
            ProxyErrors.Answer answer = ProxyErrors.badGateway("the webhook target " + settings.webhookTarget() + ": " + describe(e));
            log.upstreamError(method, "webhook " + settings.webhookTarget(), describe(e));
            Map<String, List<String>> headers = replyOwn(exchange, answer);
            finish(new Done(at, started, "webhook", method, target, requestHeaders, request, answer.status(), headers,
                    answer.body(), answer.body().length, true, null, false, "webhook target unreachable: " + describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- validation, recording

    /** One exchange the client has its answer to; {@code violations} null means: validate now. */
    private record Done(Instant at, long startedNanos, String kind, String method, String target,
                        Map<String, List<String>> requestHeaders, Body request, int status,
                        Map<String, List<String>> responseHeaders, byte[] responseBody, long responseBytes,
                        boolean responseComplete, List<String> violations, boolean enforced, String note) {
    }

    private void finish(Done done) {
        long ms = (System.nanoTime() - done.startedNanos()) / 1_000_000;
        long bytes = done.request().bytes().length + (done.responseBody() == null ? 0 : done.responseBody().length);
        if (queuedBytes.addAndGet(bytes) > MAX_QUEUED_BYTES) {
            queuedBytes.addAndGet(-bytes);
            record(done, ms, List.of(), false, "not validated: the proxy was overloaded (" + MAX_QUEUED_BYTES + " bytes waiting)");
            return;
        }
        try {
            validation.execute(() -> {
                try {
                    validateAndRecord(done, ms);
                } finally {
                    queuedBytes.addAndGet(-bytes);
                }
            });
        } catch (RejectedExecutionException e) {
            queuedBytes.addAndGet(-bytes);
            record(done, ms, List.of(), false, "not validated: the proxy was overloaded (" + MAX_QUEUED_EXCHANGES + " exchanges waiting)");
        }
    }

    private void validateAndRecord(Done done, long ms) {
        List<String> violations = done.violations();
        String note = done.note();
        boolean validated = true;
        if (done.kind().equals("webhook")) {
            if (violations == null) {
                violations = done.request().complete()
                        ? checker.webhookViolations(settings.webhookName(), done.requestHeaders(), done.request().bytes())
                        : List.of();
                validated = done.request().complete();
            }
        }
        byte[] responseBody = decoded(done.responseHeaders(), done.responseBody());
        if (violations == null) {
            boolean json = isJson(done.responseHeaders());
            if (!done.request().complete()) {
                validated = false;
                note = "request body over the " + settings.bodyCap() + "-byte cap: not validated";
                violations = List.of();
            } else if ((json && !done.responseComplete()) || responseBody == null) {
                validated = false;
                note = responseBody == null ? "compressed response body: only the request was validated"
                        : "JSON response body over the " + settings.bodyCap() + "-byte cap: only the request was validated";
                violations = requestViolations(done.method(), done.target(), done.requestHeaders(), done.request().bytes());
            } else {
                violations = checker.violations(done.method(), done.target(), done.requestHeaders(), done.request().bytes(),
                        done.status(), done.responseHeaders(), responseBody, true);
            }
        }
        if (done.status() >= 500 && done.note() != null) {
            validated = false;
        }
        record(done, ms, violations, validated, note);
    }

    private void record(Done done, long ms, List<String> violations, boolean validated, String note) {
        boolean webhook = done.kind().equals("webhook");
        String operation = webhook ? "webhook " + settings.webhookName() : operations.name(done.method(), done.target());
        byte[] responseBody = decoded(done.responseHeaders(), done.responseBody());
        RecordedExchange record = new RecordedExchange(seq.incrementAndGet(), done.at().toString(), done.kind(), done.method(),
                done.target(), operation, masked(done.requestHeaders()), text(done.requestHeaders(), done.request()),
                done.status(), masked(done.responseHeaders()),
                text(done.responseHeaders(), new Body(responseBody == null ? new byte[0] : responseBody, done.responseComplete())),
                done.responseBytes(), ms, violations.stream().map(Masking::mask).toList(), validated, done.enforced(), note);
        log.add(record, curl(webhook ? settings.webhookTarget().toString() : upstreamBase + done.target(), record));
    }

    /** The body with its Content-Encoding undone (gzip, deflate), or null when it cannot be. */
    private static byte[] decoded(Map<String, List<String>> headers, byte[] body) {
        String encoding = first(headers, "content-encoding");
        if (encoding == null || encoding.equalsIgnoreCase("identity") || body == null || body.length == 0) {
            return body;
        }
        try (InputStream in = encoding.equalsIgnoreCase("gzip") ? new GZIPInputStream(new ByteArrayInputStream(body))
                : encoding.equalsIgnoreCase("deflate") ? new InflaterInputStream(new ByteArrayInputStream(body)) : null) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isJson(Map<String, List<String>> headers) {
        String type = first(headers, "content-type");
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    private static boolean isText(Map<String, List<String>> headers) {
        String type = first(headers, "content-type");
        if (type == null) {
            return true;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.contains("json") || t.startsWith("text/") || t.contains("yaml") || t.contains("xml") || t.contains("x-www-form-urlencoded");
    }

    /** A body for the recording: masked UTF-8 text when it is text and whole, else null. */
    private static String text(Map<String, List<String>> headers, Body body) {
        if (body.bytes().length == 0 || !body.complete() || !isText(headers)) {
            return null;
        }
        return Masking.mask(new String(body.bytes(), StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> masked(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, values.stream().map(v -> Masking.maskHeader(name, v)).toList()));
        return out;
    }

    /** A curl line that repeats the (masked) exchange's request against the upstream. */
    static String curl(String url, RecordedExchange e) {
        StringBuilder line = new StringBuilder("curl -sS -i -X ").append(e.method()).append(' ').append(quote(url));
        e.requestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> line.append(" -H ").append(quote(name + ": " + v)));
            }
        });
        if (e.requestBody() != null) {
            line.append(" --data-raw ").append(quote(e.requestBody()));
        }
        return line.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, List.copyOf(values)));
        return out;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** A failure in words (no exception class names: the text ends up in an error envelope). */
    private String describe(Throwable e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "connecting to the upstream timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no response within " + settings.upstreamTimeout().toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage() == null ? "" : e.getMessage()
                .replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "").strip();
        return message.isEmpty() ? "the connection failed" : message;
    }

    /**
     * A request body: its first bytes up to the cap (all of it when {@code complete}); {@code rest} is the unread
     * remainder of a larger one, streamed on without being held.
     */
    private record Body(byte[] bytes, boolean complete, InputStream rest) {
        Body(byte[] bytes, boolean complete) {
            this(bytes, complete, null);
        }

        static Body read(InputStream in, int cap) throws IOException {
            byte[] head = in.readNBytes(cap + 1);
            if (head.length <= cap) {
                return new Body(head, true, null);
            }
            return new Body(head, false, in);
        }
    }
}
