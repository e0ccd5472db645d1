package com.iduscore.mock.domain.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The mock's only source of time. Both kinds can be moved forward ("time travel"), so a partner sees a link expire
 * or an SLA pass without waiting: a {@link ManualClock} moves only when told, a {@link SystemClock} follows the wall
 * clock plus an offset that only grows. Neither ever goes backwards.
 */
public interface MockClock {
    Instant now();

    /** Moves forward by {@code by}; IllegalArgumentException when it is negative. */
    Instant advance(Duration by);

    /** Moves forward to {@code instant} when it lies ahead; an instant already passed changes nothing. */
    Instant moveTo(Instant instant);

    /** How far this clock has been moved beyond where it would be without time travel. */
    Duration offset();

    /** {@code manual} or {@code real}, as {@code --clock} spells it. */
    String mode();
}
