package com.iduscore.mock.domain.webhook;

import com.iduscore.mock.domain.clock.MockClock;
import com.iduscore.mock.domain.tenant.TenantConfig.WebhookConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Sends {@code result.ready} deliveries through the {@link WebhookTransport} port, each on its own virtual thread,
 * so no lock of the mock is held while a receiver takes its time. Headers (CONTRACT.md D9): {@code Content-Type},
 * {@code <prefix>Event}, {@code <prefix>Delivery-Id} (new per attempt), {@code <prefix>Timestamp} (Unix seconds of
 * the server clock), {@code <prefix>Signature} (from the {@link WebhookSigner} port), and {@code X-Api-Key} when the
 * tenant registered one.
 *
 * <p>Logs exactly one INFO line per attempt: submission, attempt, URL (scheme, host and path only, so a token in a
 * query string stays out of the log), and the status or error. Secrets and keys are never logged.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookTransport transport;
    private final WebhookSigner signer;
    private final String headerPrefix;
    private final MockClock clock;
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("iduscore-webhook-", 1).factory());
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();

    public WebhookDispatcher(WebhookTransport transport, WebhookSigner signer, String headerPrefix, MockClock clock) {
        this.transport = transport;
        this.signer = signer;
        this.headerPrefix = headerPrefix;
        this.clock = clock;
    }

    /** One attempt to send: which delivery, where, and the exact bytes. */
    public record Delivery(UUID deliveryId, UUID submissionId, WebhookConfig webhook, int attempt, int maxAttempts,
                           Instant at, byte[] body) {
    }

    /**
     * What came back.
     *
     * @param error the transport error, or {@code HTTP <status>} for a non-2xx answer; null when acknowledged
     * @param at    the server clock when the answer came
     */
    public record Answer(Integer statusCode, String error, boolean acknowledged, Instant at) {
    }

    /** Sends on another thread and hands the answer to {@code onAnswer} there. Never blocks the caller. */
    public void send(Delivery delivery, Consumer<Answer> onAnswer) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        inFlight.add(done);
        try {
            executor.execute(() -> {
                try {
                    onAnswer.accept(attempt(delivery));
                } catch (RuntimeException e) {
                    log.warn("webhook result.ready submission={} attempt={}: answer could not be recorded: {}",
                            delivery.submissionId(), delivery.attempt(), e.toString());
                } finally {
                    inFlight.remove(done);
                    done.complete(null);
                }
            });
        } catch (RuntimeException rejected) {
            // shutting down: the delivery is dropped like one cut off by a crash
            inFlight.remove(done);
            done.complete(null);
        }
    }

    /** The headers of an attempt, in the order they are sent. */
    public Map<String, String> headers(Delivery delivery) {
        long timestamp = delivery.at().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(headerPrefix + "Event", ResultReadyEvent.EVENT_TYPE);
        headers.put(headerPrefix + "Delivery-Id", delivery.deliveryId().toString());
        headers.put(headerPrefix + "Timestamp", Long.toString(timestamp));
        headers.put(headerPrefix + "Signature", signer.signature(delivery.webhook().secret(), timestamp, delivery.body()));
        if (delivery.webhook().apiKey() != null && !delivery.webhook().apiKey().isEmpty()) {
            headers.put("X-Api-Key", delivery.webhook().apiKey());
        }
        return headers;
    }

    private Answer attempt(Delivery delivery) {
        if (delivery.webhook() == null) {
            // sim-webhook-fail- without a registered webhook: a failed attempt with nothing sent
            log.info("webhook result.ready submission={} attempt={}/{} -> not sent: no webhook registered",
                    delivery.submissionId(), delivery.attempt(), delivery.maxAttempts());
            return new Answer(null, "simulated failure (sim-webhook-fail-): no webhook registered, nothing sent",
                    false, clock.now());
        }
        WebhookTransport.DeliveryOutcome outcome;
        try {
            outcome = transport.post(URI.create(delivery.webhook().url()), headers(delivery), delivery.body());
        } catch (RuntimeException e) {
            // the port promises not to throw; a broken one still must not stall the pipeline
            outcome = new WebhookTransport.DeliveryOutcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (outcome == null) {
            outcome = new WebhookTransport.DeliveryOutcome(null, "no answer from the transport");
        }
        boolean acknowledged = outcome.acknowledged();
        String error = acknowledged ? null
                : outcome.error() != null ? outcome.error() : "HTTP " + outcome.statusCode();
        log.info("webhook result.ready submission={} attempt={}/{} url={} -> {}", delivery.submissionId(),
                delivery.attempt(), delivery.maxAttempts(), loggable(delivery.webhook().url()),
                outcome.statusCode() != null ? "HTTP " + outcome.statusCode() : "error: " + error);
        return new Answer(outcome.statusCode(), error, acknowledged, clock.now());
    }

    /** Scheme, host, port and path: what a person needs to recognise the receiver, without query or user info. */
    static String loggable(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return "<invalid url>";
        }
    }

    /**
     * Waits until no delivery is in flight (each has been answered and its answer recorded), at most {@code bound}.
     *
     * @return true when idle
     */
    public boolean awaitIdle(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            List<CompletableFuture<Void>> pending = List.copyOf(inFlight);
            if (pending.isEmpty()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                // each future only ever completes normally
            }
        }
    }

    /**
     * Stops sending. A delivery still out after a short grace is cut off: a restart from the state file counts it as
     * an interrupted attempt and retries it, and a stop must stay within SIGTERM's 2 s.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(250, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
