package com.iduscore.contract.selftest;

import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.DemoTenants;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.target.TargetKind;
import com.iduscore.contract.webhook.WebhookInbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The target of the self-test's nested runs: the {@link DeviationProxy} as a {@code url} deployment (public API only,
 * real time), with the demo tenants' credentials and the self-test's webhook inbox. Polls every
 * {@value #POLL_INTERVAL_MILLIS} ms, since the mock behind it finishes a pipeline in well under a second.
 *
 * <p>{@link #close()} does nothing: each nested run's engine closes the shared target when it ends, but the proxy, the
 * mock and the inbox live for the whole self-test, which closes them itself.
 */
final class ProxiedTarget implements Target {

    static final long POLL_INTERVAL_MILLIS = 25;

    private final String baseUrl;
    private final DemoTenants tenants;
    private final WebhookInbox inbox;
    private final Duration resultTimeout;

    ProxiedTarget(String baseUrl, DemoTenants tenants, WebhookInbox inbox, Duration resultTimeout) {
        this.baseUrl = baseUrl;
        this.tenants = tenants;
        this.inbox = inbox;
        this.resultTimeout = resultTimeout;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.URL;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public Credential primary() {
        return tenants.primary();
    }

    @Override
    public Optional<Credential> secondCredential() {
        return Optional.of(tenants.second());
    }

    @Override
    public Optional<Credential> otherTenant() {
        return Optional.of(tenants.otherTenant());
    }

    @Override
    public Optional<String> inactiveApiKey() {
        return Optional.of(tenants.inactiveApiKey());
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public Duration resultTimeout() {
        return resultTimeout;
    }

    @Override
    public Optional<WebhookInbox> webhooks() {
        return Optional.of(inbox);
    }

    /** Real time only passes: the checks that need hours of it skip or wait; the self-test selects none of them. */
    @Override
    public void advance(Duration by) {
        try {
            Thread.sleep(by);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting " + by, e);
        }
    }

    @Override
    public <T> List<T> pollUntil(Supplier<T> probe, Predicate<T> done) {
        List<T> observations = new ArrayList<>();
        long deadline = System.nanoTime() + resultTimeout.toNanos();
        while (true) {
            T observed = probe.get();
            observations.add(observed);
            if (done.test(observed)) {
                return observations;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + resultTimeout + " after " + observations.size()
                        + " probes; last observation: " + describe(observed));
            }
            try {
                Thread.sleep(POLL_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while polling", e);
            }
        }
    }

    private static String describe(Object observed) {
        String text = observed instanceof io.restassured.response.Response r ? "HTTP " + r.statusCode() + " " + r.asString()
                : String.valueOf(observed);
        return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
    }

    @Override
    public List<String> secrets() {
        return List.of(tenants.primary().apiKey(), tenants.second().apiKey(), tenants.otherTenant().apiKey(),
                tenants.inactiveApiKey(), inbox.secret());
    }

    @Override
    public void close() {
        // the self-test owns the proxy, the mock and the inbox
    }
}
