package com.iduscore.contract.target;

import com.iduscore.contract.webhook.WebhookInbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A mock started with {@code --clock manual} (stub process or container): time passes only when the suite moves the
 * clock through the admin API, so polling never sleeps.
 */
abstract class ManualClockTarget implements Target {

    /** One pipeline step of the mock (its default {@code --step-duration}): each probe sees the next state. */
    static final Duration POLL_STEP = Duration.ofMillis(300);

    private final TargetSettings settings;
    private final AdminClient admin;
    private final WebhookInbox inbox;
    private final AtomicLong advancedMillis = new AtomicLong();

    ManualClockTarget(TargetSettings settings, String baseUrl, String adminToken, WebhookInbox inbox) {
        this.settings = settings;
        this.admin = new AdminClient(baseUrl, adminToken);
        this.inbox = inbox;
        if (inbox != null) {
            inbox.onIdle(() -> advance(POLL_STEP));
        }
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

    @Override
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + by);
        }
        admin.advance(by);
        advancedMillis.addAndGet(by.toMillis());
    }

    /** How far the suite has moved the mock's clock in all (for the report). */
    long advancedMillis() {
        return advancedMillis.get();
    }

    @Override
    public <T> List<T> pollUntil(Supplier<T> probe, Predicate<T> done) {
        long budget = resultTimeout().toMillis();
        long[] spent = {0};
        return Polling.until(probe, done, () -> {
            if (spent[0] >= budget) {
                return false;
            }
            advance(POLL_STEP);
            spent[0] += POLL_STEP.toMillis();
            return true;
        }, resultTimeout(), resultTimeout() + " of the mock's clock (moved in " + POLL_STEP.toMillis() + " ms steps)");
    }

    @Override
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(settings.primary().apiKey());
        settings.secondCredential().ifPresent(c -> secrets.add(c.apiKey()));
        settings.otherTenant().ifPresent(c -> secrets.add(c.apiKey()));
        settings.inactiveApiKey().ifPresent(secrets::add);
        if (inbox != null) {
            secrets.add(inbox.secret());
            inbox.apiKey().ifPresent(secrets::add);
        }
        return secrets;
    }
}
