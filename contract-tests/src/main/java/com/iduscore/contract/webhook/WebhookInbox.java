package com.iduscore.contract.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Receives {@code result.ready} webhooks for the suite: a JDK {@link HttpServer} that records every POST it gets on any
 * path and answers 200 (or what {@link #respondWith} / {@link #respondWithForPartnerSubmission} asked for).
 *
 * <p>Lifecycle: started by the target before the deployment is told its URL, closed by the target at the end of the run.
 * Waiting: {@link #awaitDelivery} waits on a condition signalled by each arrival, bounded by the timeout given at start;
 * between waits it calls the idle hook the target installed (the stub moves its manual clock, so retries fall due).
 * Thread-safe: deliveries arrive on the server's threads while checks read from theirs.
 */
public final class WebhookInbox implements AutoCloseable {

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** How long one wait for an arrival lasts before the idle hook runs again. */
    private static final Duration WAIT_SLICE = Duration.ofMillis(50);

    private final HttpServer server;
    private final ExecutorService executor;
    private final String bindHost;
    private final String secret;
    private final String headerPrefix;
    private final String apiKey;
    private final Duration timeout;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Deque<Integer> nextStatuses = new ArrayDeque<>();
    private final Map<String, Deque<Integer>> nextStatusesBySubmission = new HashMap<>();
    private final Map<String, Deque<Integer>> nextStatusesByPartnerSubmission = new HashMap<>();
    private volatile Runnable onIdle = () -> { };

    private WebhookInbox(HttpServer server, ExecutorService executor, String bindHost, String secret, String headerPrefix,
                         String apiKey, Duration timeout) {
        this.server = server;
        this.executor = executor;
        this.bindHost = bindHost;
        this.secret = secret;
        this.headerPrefix = headerPrefix;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    /**
     * Starts an inbox.
     *
     * @param bindHost     usually {@code 127.0.0.1}
     * @param port         0 for any free port
     * @param secret       the signing secret the deployment uses for this receiver
     * @param headerPrefix {@code X-Idunox-} or {@code X-IduScore-}
     * @param apiKey       the webhook key the deployment sends as {@code X-Api-Key}, or null when none is registered
     * @param timeout      the bound of every wait
     */
    public static WebhookInbox start(String bindHost, int port, String secret, String headerPrefix, String apiKey,
                                     Duration timeout) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindHost, port), 50);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "webhook-inbox");
                t.setDaemon(true);
                return t;
            });
            WebhookInbox inbox = new WebhookInbox(server, executor, bindHost, secret, headerPrefix, apiKey, timeout);
            server.createContext("/", inbox::handle);
            server.setExecutor(executor);
            server.start();
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook inbox on " + bindHost + ":" + port, e);
        }
    }

    /** What the target does while a check waits for a delivery (the stub advances its manual clock a step). */
    public void onIdle(Runnable hook) {
        this.onIdle = hook == null ? () -> { } : hook;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL to register with the deployment, e.g. {@code http://127.0.0.1:40123/webhooks/iduscore}. */
    public String url() {
        return url(bindHost);
    }

    /** The URL as seen from elsewhere, e.g. {@code host.testcontainers.internal} from inside a container. */
    public String url(String host) {
        return "http://" + host + ":" + port() + "/webhooks/iduscore";
    }

    /** The signing secret shared with the deployment. */
    public String secret() {
        return secret;
    }

    /** The header prefix the deployment uses ({@code X-Idunox-} unless configured otherwise). */
    public String headerPrefix() {
        return headerPrefix;
    }

    /** The webhook key the deployment was given to send as {@code X-Api-Key}, when one was registered. */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /**
     * Answers the next {@code times} deliveries (of any submission) with {@code status}, then 200 again.
     * Deliveries of other checks running at the same time count too: a check using this holds
     * {@code @ResourceLock(Locks.WEBHOOK_INBOX)}; prefer {@link #respondWithForPartnerSubmission}.
     */
    public void respondWith(int status, int times) {
        lock.lock();
        try {
            for (int i = 0; i < times; i++) {
                nextStatuses.add(status);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Answers the next {@code times} deliveries for one submission with {@code status}, then 200 again.
     *
     * <p>The submission id is known only once the POST's 202 has come back, and a fast deployment may deliver before
     * that: script answers a check depends on with {@link #respondWithForPartnerSubmission} before the POST instead.
     */
    public void respondWith(String submissionId, int status, int times) {
        script(nextStatusesBySubmission, submissionId, status, times);
    }

    /**
     * Answers the next {@code times} deliveries whose body carries this {@code partnerSubmissionId} with
     * {@code status}, then 200 again. The partner chooses that id, so a check scripts the answers BEFORE it POSTs the
     * submission, and even the first delivery of the fastest deployment gets them. Answers scripted for the
     * submission id ({@link #respondWith(String, int, int)}) are used first.
     */
    public void respondWithForPartnerSubmission(String partnerSubmissionId, int status, int times) {
        script(nextStatusesByPartnerSubmission, partnerSubmissionId, status, times);
    }

    private void script(Map<String, Deque<Integer>> scripts, String key, int status, int times) {
        lock.lock();
        try {
            Deque<Integer> queue = scripts.computeIfAbsent(key, k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(status);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every delivery received for a submission so far, oldest first. */
    public List<ReceivedWebhook> deliveries(String submissionId) {
        lock.lock();
        try {
            return deliveries.stream().filter(d -> submissionId.equals(d.submissionId()))
                    .map(Delivery::webhook).toList();
        } finally {
            lock.unlock();
        }
    }

    /** The statuses the inbox answered to each delivery for a submission, oldest first. */
    public List<Integer> answeredStatuses(String submissionId) {
        lock.lock();
        try {
            return deliveries.stream().filter(d -> submissionId.equals(d.submissionId()))
                    .map(Delivery::answered).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Every delivery received, oldest first. */
    public List<ReceivedWebhook> all() {
        lock.lock();
        try {
            return deliveries.stream().map(Delivery::webhook).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the first delivery for a submission and returns it; fails after the timeout. */
    public ReceivedWebhook awaitDelivery(String submissionId) {
        return awaitDeliveries(submissionId, 1).get(0);
    }

    /**
     * Waits until at least {@code count} deliveries for a submission have arrived and returns all of them so far.
     *
     * @throws AssertionError naming what did arrive, when the timeout passes first
     */
    public List<ReceivedWebhook> awaitDeliveries(String submissionId, int count) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ReceivedWebhook> got = deliveries(submissionId);
            if (got.size() >= count) {
                return got;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " webhook deliveries for submission " + submissionId
                        + " within " + timeout + " but received " + got.size() + (got.isEmpty() ? "" : ": " + got)
                        + "; the inbox holds " + all().size() + " deliveries in all, at " + url());
            }
            onIdle.run();
            lock.lock();
            try {
                if (deliveries(submissionId).size() < count) {
                    arrived.await(WAIT_SLICE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a webhook for " + submissionId, e);
            } finally {
                lock.unlock();
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            ReceivedWebhook webhook = new ReceivedWebhook(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
                    body, Instant.now());
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String submissionId = webhook.submissionId().orElse("");
            int status;
            lock.lock();
            try {
                status = nextStatus(submissionId, webhook.partnerSubmissionId().orElse(null));
                deliveries.add(new Delivery(submissionId, webhook, status));
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
            byte[] answer = status / 100 == 2 ? "{\"received\":true}".getBytes() : "{\"error\":\"inbox told to fail\"}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** The scripted answer for a delivery, most specific script first: submission, partner submission, any. */
    private int nextStatus(String submissionId, String partnerSubmissionId) {
        Integer scripted = poll(nextStatusesBySubmission, submissionId);
        if (scripted == null && partnerSubmissionId != null) {
            scripted = poll(nextStatusesByPartnerSubmission, partnerSubmissionId);
        }
        if (scripted == null) {
            scripted = nextStatuses.poll();
        }
        return scripted == null ? 200 : scripted;
    }

    /** Takes the next scripted status for a key, dropping the key once its script is used up. */
    private static Integer poll(Map<String, Deque<Integer>> scripts, String key) {
        Deque<Integer> queue = scripts.get(key);
        if (queue == null) {
            return null;
        }
        Integer status = queue.poll();
        if (queue.isEmpty()) {
            scripts.remove(key);
        }
        return status;
    }

    /** Idempotent: the JUnit root context and the shutdown hook may both call it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private record Delivery(String submissionId, ReceivedWebhook webhook, int answered) {
    }
}
