package com.iduscore.mock.junit5;

import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.domain.view.DeliveryView;
import com.iduscore.mock.embedded.EmbeddedMock;
import com.iduscore.mock.embedded.Exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The handle on the running mock that the extension injects: where it listens, the demo credentials, its clock,
 * the webhooks it sent, its fault switches. One per mock; shared by the tests of a class under the per-class lifecycle.
 */
public final class IduScoreMock implements AutoCloseable {
    private final EmbeddedMock mock;
    private final WebhookReceiver receiver;
    private final List<Tenant> tenants;
    private final Faults faults;

    IduScoreMock(EmbeddedMock mock, WebhookReceiver receiver) {
        this.mock = mock;
        this.receiver = receiver;
        this.tenants = mock.tenants().stream().map(IduScoreMock::tenant).toList();
        this.faults = new Faults(mock);
    }

    private static Tenant tenant(TenantConfig config) {
        return new Tenant(config.tenantId(), config.active(),
                config.credentials().stream().map(c -> new Tenant.Credential(c.partnerId(), c.apiKey())).toList(),
                config.webhook() == null ? null : config.webhook().url(),
                config.webhook() == null ? null : config.webhook().secret());
    }

    /** {@code http://127.0.0.1:<port>}: the partner API's root (paths start with {@code /v1/…}). */
    public String baseUrl() {
        return mock.baseUrl();
    }

    public int port() {
        return mock.port();
    }

    /** The demo tenant {@code demo-a} (two credentials); with a tenants file, the first tenant. */
    public Tenant tenantA() {
        return tenants.stream().filter(t -> t.tenantId().equals("demo-a")).findFirst().orElse(tenants.getFirst());
    }

    /** The demo tenant {@code demo-b}; with a tenants file, the second tenant. */
    public Tenant tenantB() {
        return tenants.stream().filter(t -> t.tenantId().equals("demo-b")).findFirst().orElseGet(() -> tenants.get(1));
    }

    /** The inactive demo tenant {@code demo-inactive} (403 {@code TENANT_INACTIVE} everywhere). */
    public Tenant inactiveTenant() {
        return tenant("demo-inactive");
    }

    public Tenant tenant(String tenantId) {
        return tenants.stream().filter(t -> t.tenantId().equals(tenantId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No tenant " + tenantId + "; the mock serves "
                        + tenants.stream().map(Tenant::tenantId).toList()));
    }

    public List<Tenant> tenants() {
        return tenants;
    }

    /** The mock's clock. */
    public Instant now() {
        return mock.now();
    }

    /**
     * Moves the mock's clock by {@code by} (on the real clock, as an offset): every pipeline step, SLA deadline, link
     * expiry and webhook attempt that falls due on the way runs, in order, and each webhook is answered before time
     * moves on.
     */
    public IduScoreMock advance(Duration by) {
        mock.advance(by);
        return this;
    }

    /**
     * Runs the mock until nothing is pending: every submission terminal ({@code completed}, {@code failed},
     * {@code rejected}) and every due webhook attempt, retries included, made: the clock (manual, or the real one as
     * an offset) jumps from one due time to the next, so nothing waits. Fails when the mock does not settle within one
     * day of its clock.
     */
    public IduScoreMock settle() {
        mock.settle();
        return this;
    }

    /** The webhooks the extension's receiver got, oldest first (for the demo tenants, or any tenant without a webhook of its own). */
    public List<WebhookDelivery> deliveries() {
        return receiver.received();
    }

    /** The mock's own log of delivery attempts, to any URL, failed ones included ({@code GET /__admin/iduscore/webhook-deliveries}). */
    public List<DeliveryView> deliveryLog() {
        return mock.deliveries();
    }

    /** The webhook endpoint the demo tenants are registered with; {@code answerWith(500)} makes the mock retry. */
    public WebhookReceiver webhookReceiver() {
        return receiver;
    }

    /** Fault switches: readiness, added latency, a rate limit. Cleared by {@link #reset}. */
    public Faults faults() {
        return faults;
    }

    /** The requests served since the last reset, oldest first, as the mock saw them (for debugging a client). */
    public List<Exchange> exchanges() {
        return mock.exchanges().stream().filter(e -> !e.url().startsWith("/__admin")).toList();
    }

    /**
     * Forgets every submission, idempotency key and delivery, the faults, rate windows, recorded requests and received
     * webhooks. Tenants and the clock stay. The extension calls it before each test under the per-class lifecycle.
     */
    public void reset() {
        mock.reset();
        receiver.clear();
        faults.forget();
    }

    /** Each request since the last reset that the contract does not allow, with its violations. */
    List<String> requestViolations() {
        List<String> out = new ArrayList<>();
        for (Exchange exchange : mock.exchanges()) {
            if (exchange.url().startsWith("/__admin")) {
                continue; // the extension's own calls, or a test driving the admin API on purpose
            }
            List<String> violations = EmbeddedMock.requestViolations(exchange);
            if (!violations.isEmpty()) {
                out.add(exchange.summary() + "\n      " + String.join("\n      ", violations));
            }
        }
        return out;
    }

    void clearExchanges() {
        mock.clearExchanges();
    }

    @Override
    public void close() {
        try {
            mock.close();
        } finally {
            receiver.close();
        }
    }

    /** The mock's fault switches; each call applies at once, to the next request. */
    public static final class Faults {
        private final EmbeddedMock mock;
        private boolean ready = true;
        private long latencyMs;
        private Integer rateLimitPerMinute;

        Faults(EmbeddedMock mock) {
            this.mock = mock;
        }

        /** {@code GET /health/ready} answers 503 until {@link #clear}. */
        public Faults notReady() {
            ready = false;
            return apply();
        }

        /** Added to every partner API response. */
        public Faults latency(Duration latency) {
            latencyMs = latency.toMillis();
            return apply();
        }

        /** Per credential, replacing the tenants' own limits: the next request over it gets 429 {@code RATE_LIMITED}. */
        public Faults rateLimitPerMinute(int limit) {
            rateLimitPerMinute = limit;
            return apply();
        }

        /** No faults. */
        public Faults clear() {
            forget();
            return apply();
        }

        private void forget() {
            ready = true;
            latencyMs = 0;
            rateLimitPerMinute = null;
        }

        private Faults apply() {
            mock.faults(ready, latencyMs, rateLimitPerMinute);
            return this;
        }
    }
}
