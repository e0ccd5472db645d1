package com.iduscore.mock.domain.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told ({@code --clock manual}, and every domain test). It never goes backwards, so
 * the timestamps the mock writes never do either. Use {@code MockControl.advance} to move it and run what
 * falls due; {@link #advance} alone moves the time and leaves the pipeline to catch up lazily on the next read.
 */
public final class ManualClock implements MockClock {
    private final Instant start;
    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant now() {
        return now.get();
    }

    @Override
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("A manual clock only moves forward; asked to move by " + by);
        }
        return now.updateAndGet(current -> current.plus(by));
    }

    /** Moves to {@code instant}; IllegalArgumentException when it lies before now. */
    public Instant set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return now.updateAndGet(current -> {
            if (instant.isBefore(current)) {
                throw new IllegalArgumentException("A manual clock only moves forward: now " + current + ", asked " + instant);
            }
            return instant;
        });
    }

    @Override
    public Instant moveTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return now.updateAndGet(current -> instant.isAfter(current) ? instant : current);
    }

    /** How far it has moved since it started. */
    @Override
    public Duration offset() {
        return Duration.between(start, now.get());
    }

    @Override
    public String mode() {
        return "manual";
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
