package com.iduscore.mock.domain;

import com.iduscore.mock.domain.view.DeliveryView;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the admin API may do to the mock's state. None of it is reachable with a partner key. */
public interface MockControl {

    /** Forgets every submission, idempotency key and delivery; tenants and clock stay. */
    void reset();

    Instant now();

    /** Moves a manual clock forward and runs every pipeline step that falls due; refused (IllegalStateException) on the real clock. */
    void advanceClock(Duration by);

    /** Every webhook delivery attempt so far, oldest first. */
    List<DeliveryView> deliveries();

    /** The whole state (submissions, jobs, results, idempotency keys, deliveries) as a JSON document. */
    String exportState();

    /** Replaces the whole state with one {@link #exportState} gave; IllegalArgumentException when it is not one. */
    void importState(String snapshotJson);
}
