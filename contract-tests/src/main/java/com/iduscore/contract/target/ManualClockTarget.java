package com.iduscore.contract.target;

import com.iduscore.contract.webhook.WebhookInbox;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A mock started with {@code --clock manual} (stub process or container): time passes only when the suite moves the
 * clock through the admin API, so polling never sleeps.
 */
abstract class ManualClockTarget extends ConfiguredTarget {

    /** One pipeline step of the mock (its default {@code --step-duration}): each probe sees the next state. */
    static final Duration POLL_STEP = Duration.ofMillis(300);

    private final AdminClient admin;

    ManualClockTarget(TargetSettings settings, String baseUrl, String adminToken, WebhookInbox inbox) {
        super(settings, inbox);
        this.admin = new AdminClient(baseUrl, adminToken);
        if (inbox != null) {
            inbox.onIdle(() -> advance(POLL_STEP));
        }
    }

    @Override
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + by);
        }
        admin.advance(by);
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
}
