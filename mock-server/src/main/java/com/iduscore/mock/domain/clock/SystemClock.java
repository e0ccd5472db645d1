package com.iduscore.mock.domain.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall-clock time, to the millisecond (the precision the API's timestamps carry), plus an offset that
 * {@link #advance} grows: time travel on the real clock, so a link expiry or an SLA shows without waiting for it.
 */
public final class SystemClock implements MockClock {
    private final AtomicLong offsetMillis = new AtomicLong();

    @Override
    public Instant now() {
        return wall().plusMillis(offsetMillis.get());
    }

    private static Instant wall() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward; asked to move by " + by);
        }
        offsetMillis.addAndGet(by.toMillis());
        return now();
    }

    @Override
    public Instant moveTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        long wanted = instant.toEpochMilli() - wall().toEpochMilli();
        offsetMillis.accumulateAndGet(wanted, Math::max);
        return now();
    }

    @Override
    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public String mode() {
        return "real";
    }

    @Override
    public String toString() {
        return "SystemClock[offset " + offsetMillis.get() + " ms]";
    }
}
