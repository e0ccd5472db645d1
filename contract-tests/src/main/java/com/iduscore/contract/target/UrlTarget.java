package com.iduscore.contract.target;

import com.iduscore.contract.webhook.WebhookInbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Any deployment reached over its public API ({@code IDUSCORE_BASE_URL}): real time passes, so polling waits
 * {@value #POLL_INTERVAL_MILLIS} ms between probes and {@link #advance} waits as long as asked. Never calls an admin route.
 */
public final class UrlTarget extends ConfiguredTarget {

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    static final long POLL_INTERVAL_MILLIS = 500;

    private final WebhookInbox inbox;
    private final boolean ownsInbox;
    private final Duration pollInterval;

    private UrlTarget(TargetSettings settings, WebhookInbox inbox, boolean ownsInbox, Duration pollInterval) {
        super(settings, inbox);
        this.inbox = inbox;
        this.ownsInbox = ownsInbox;
        this.pollInterval = pollInterval;
    }

    /** Starts the webhook inbox when {@code IDUSCORE_WEBHOOK_PORT} is set; nothing else needs starting. */
    public static UrlTarget start(TargetSettings settings) {
        WebhookInbox inbox = settings.webhookPort()
                .map(port -> WebhookInbox.start(settings.webhookBind(), port, settings.webhookSecret().orElseThrow(),
                        settings.webhookHeaderPrefix(), settings.webhookApiKey().orElse(null), settings.resultTimeout()))
                .orElse(null);
        return new UrlTarget(settings, inbox, true, Duration.ofMillis(POLL_INTERVAL_MILLIS));
    }

    /**
     * A URL target over a receiver its caller started and will close (closing the target leaves it running), probing
     * every {@code pollInterval}: e.g. a fast local deployment, where 500 ms between probes would be most of the run.
     */
    public static UrlTarget over(TargetSettings settings, WebhookInbox inbox, Duration pollInterval) {
        return new UrlTarget(settings, inbox, false, pollInterval);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.URL;
    }

    @Override
    public String baseUrl() {
        return settings().baseUrl();
    }

    /**
     * Waits {@code by} of real time: a deployment's clock cannot be moved from outside. Like every wait of the suite it
     * is bounded by {@code IDUSCORE_RESULT_TIMEOUT}: a longer wait skips the check with the reason instead of sleeping.
     */
    @Override
    public void advance(Duration by) {
        if (by.compareTo(resultTimeout()) > 0) {
            throw new org.opentest4j.TestAbortedException("waiting " + by + " of real time exceeds IDUSCORE_RESULT_TIMEOUT ("
                    + resultTimeout() + "); against a deployment this needs a real wait that long");
        }
        try {
            Thread.sleep(by);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting " + by + " for the deployment's time to pass", e);
        }
    }

    @Override
    public <T> List<T> pollUntil(Supplier<T> probe, Predicate<T> done) {
        return Polling.until(probe, done, () -> {
            Thread.sleep(pollInterval);
            return true;
        }, resultTimeout(), resultTimeout() + " (IDUSCORE_RESULT_TIMEOUT), probing every " + pollInterval.toMillis() + " ms");
    }

    /** Also the configured webhook secret and key when no receiver was started (the deployment may still use them). */
    @Override
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(super.secrets());
        settings().webhookSecret().filter(s -> !secrets.contains(s)).ifPresent(secrets::add);
        settings().webhookApiKey().filter(k -> !secrets.contains(k)).ifPresent(secrets::add);
        return secrets;
    }

    /** Idempotent: the JUnit root context and the shutdown hook may both call it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (inbox != null && ownsInbox) {
            inbox.close();
        }
    }
}
