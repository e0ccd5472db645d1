package com.iduscore.mock.domain;

import com.iduscore.mock.domain.view.ClockView;
import com.iduscore.mock.domain.view.DeliveryView;
import com.iduscore.mock.domain.view.SettleReport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the admin API may do to the mock's state. None of it is reachable with a partner key. */
public interface MockControl {

    /** Forgets every submission, idempotency key and delivery; tenants and clock stay. */
    void reset();

    Instant now();

    /** The clock: now, its mode and how far time travel has moved it. */
    ClockView clock();

    /**
     * Moves the clock forward by {@code by} (on either clock: the real one keeps the move as an offset) and runs,
     * in order and each at its own instant, everything that falls due on the way: pipeline steps, SLA deadlines,
     * link expiry, webhook deliveries and their retries (each answered before time moves on).
     *
     * @return the new now
     * @throws IllegalArgumentException for a negative duration
     */
    Instant advance(Duration by);

    /** {@link #advance}, under its older name. */
    default void advanceClock(Duration by) {
        advance(by);
    }

    /**
     * Advances time until every submission is terminal, every due webhook is delivered or dead-lettered and every
     * artifact is available; bounded (one day of mock time), and says what happened.
     */
    SettleReport settle();

    /** Every webhook delivery attempt so far, oldest first. */
    List<DeliveryView> deliveries();

    /** The whole state (submissions, jobs, results, idempotency keys, deliveries) as a JSON document. */
    String exportState();

    /** Replaces the whole state with one {@link #exportState} gave; IllegalArgumentException when it is not one. */
    void importState(String snapshotJson);
}
