package com.iduscore.mock.domain;

import com.iduscore.mock.domain.webhook.WebhookTransport;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A webhook receiver that records every request and answers from a script (default 204). An optional gate lets a
 * test hold the transport mid-request ({@link #holdUntil}).
 */
final class RecordingWebhookTransport implements WebhookTransport {
    private final List<Request> requests = new ArrayList<>();
    private final Deque<DeliveryOutcome> script = new ArrayDeque<>();
    private final Supplier<Instant> clock;
    private DeliveryOutcome fallback = new DeliveryOutcome(204, null);
    private volatile Runnable gate = () -> { };

    RecordingWebhookTransport(Supplier<Instant> clock) {
        this.clock = clock;
    }

    record Request(URI url, Map<String, String> headers, byte[] body, Instant at) {
        String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public DeliveryOutcome post(URI url, Map<String, String> headers, byte[] body) {
        gate.run();
        synchronized (this) {
            requests.add(new Request(url, Map.copyOf(headers), body.clone(), clock.get()));
            return script.isEmpty() ? fallback : script.poll();
        }
    }

    /** The next answers, in order; after them the fallback. */
    synchronized RecordingWebhookTransport answer(DeliveryOutcome... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    synchronized RecordingWebhookTransport answerAlways(DeliveryOutcome outcome) {
        fallback = outcome;
        return this;
    }

    /**
     * Holds every request mid-call: counts {@code entered} down on arrival, then waits (at most 10 s) for
     * {@code release}, so a test can act while a delivery is out.
     */
    RecordingWebhookTransport holdUntil(CountDownLatch entered, CountDownLatch release) {
        this.gate = () -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    static DeliveryOutcome status(int code) {
        return new DeliveryOutcome(code, code >= 200 && code < 300 ? null : "HTTP " + code);
    }

    static DeliveryOutcome connectionRefused() {
        return new DeliveryOutcome(null, "Connection refused");
    }
}
