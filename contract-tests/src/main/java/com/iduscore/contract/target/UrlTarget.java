package com.iduscore.contract.target;

import com.iduscore.contract.webhook.WebhookInbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Any deployment reached over its public API ({@code IDUSCORE_BASE_URL}): real time passes, so polling waits
 * {@value #POLL_INTERVAL_MILLIS} ms between probes and {@link #advance} waits as long as asked. Never calls an admin route.
 */
public final class UrlTarget implements Target {

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    static final long POLL_INTERVAL_MILLIS = 500;

    private final TargetSettings settings;
    private final WebhookInbox inbox;

    private UrlTarget(TargetSettings settings, WebhookInbox inbox) {
        this.settings = settings;
        this.inbox = inbox;
    }

    /** Starts the webhook inbox when {@code IDUSCORE_WEBHOOK_PORT} is set; nothing else needs starting. */
    public static UrlTarget start(TargetSettings settings) {
        WebhookInbox inbox = settings.webhookPort()
                .map(port -> WebhookInbox.start(settings.webhookBind(), port, settings.webhookSecret().orElseThrow(),
                        settings.webhookHeaderPrefix(), settings.webhookApiKey().orElse(null), settings.resultTimeout()))
                .orElse(null);
        return new UrlTarget(settings, inbox);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.URL;
    }

    @Override
    public String baseUrl() {
        return settings.baseUrl();
    }

    @Override
    public Credential primary() {
        return settings.primary();
    }

    @Override
    public Optional<Credential> secondCredential() {
        return settings.secondCredential();
    }

    @Override
    public Optional<Credential> otherTenant() {
        return settings.otherTenant();
    }

    @Override
    public Optional<String> inactiveApiKey() {
        return settings.inactiveApiKey();
    }

    @Override
    public boolean readOnly() {
        return settings.readOnly();
    }

    @Override
    public Duration resultTimeout() {
        return settings.resultTimeout();
    }

    @Override
    public Optional<WebhookInbox> webhooks() {
        return Optional.ofNullable(inbox);
    }

    /** Waits {@code by} of real time: a deployment's clock cannot be moved from outside. */
    @Override
    public void advance(Duration by) {
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
            Thread.sleep(POLL_INTERVAL_MILLIS);
            return true;
        }, resultTimeout(), resultTimeout() + " (IDUSCORE_RESULT_TIMEOUT), probing every " + POLL_INTERVAL_MILLIS + " ms");
    }

    @Override
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(settings.primary().apiKey());
        settings.secondCredential().ifPresent(c -> secrets.add(c.apiKey()));
        settings.otherTenant().ifPresent(c -> secrets.add(c.apiKey()));
        settings.inactiveApiKey().ifPresent(secrets::add);
        settings.webhookSecret().ifPresent(secrets::add);
        settings.webhookApiKey().ifPresent(secrets::add);
        return secrets;
    }

    /** Idempotent: the JUnit root context and the shutdown hook may both call it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (inbox != null) {
            inbox.close();
        }
    }
}
