package com.iduscore.mock.domain.pipeline;

import com.iduscore.mock.domain.clock.MockClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Advances pipelines on the real clock without anyone polling: it sleeps until the earliest transition falls due,
 * runs everything due, and sleeps again until the next one; with nothing scheduled it does not wake at all. New work
 * (a submission, a webhook answer) calls {@link #wakeAt} with its due time. No busy loop: one pending timer at most.
 */
public final class PipelineTicker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PipelineTicker.class);

    private final MockClock clock;
    private final ScheduledExecutorService scheduler;
    private final Supplier<Instant> advanceDue;
    private boolean running;
    private ScheduledFuture<?> pending;
    private Instant pendingAt;

    /** @param advanceDue runs every transition due now and returns the next due time (null when none) */
    public PipelineTicker(MockClock clock, ScheduledExecutorService scheduler, Supplier<Instant> advanceDue) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.advanceDue = advanceDue;
    }

    public synchronized void start() {
        if (!running) {
            running = true;
            wakeAt(clock.now());
        }
    }

    /** Makes sure the ticker runs at {@code due} (or earlier). Ignored before {@link #start}. */
    public synchronized void wakeAt(Instant due) {
        if (!running || due == null) {
            return;
        }
        if (pending != null && !pending.isDone() && !pendingAt.isAfter(due)) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        // one millisecond late rather than early: the clock has millisecond precision
        long delayMillis = Math.max(0, Duration.between(clock.now(), due).toMillis() + 1);
        try {
            pending = scheduler.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
            pendingAt = due;
        } catch (RuntimeException shuttingDown) {
            pending = null;
            pendingAt = null;
        }
    }

    /**
     * Wakes at {@code due} whatever is pending: after time travel a pending timer counts wall time computed against
     * the old offset, so it may lie far too late.
     */
    public synchronized void rewake(Instant due) {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
            pendingAt = null;
        }
        wakeAt(due);
    }

    private void tick() {
        synchronized (this) {
            pending = null;
            pendingAt = null;
        }
        Instant next;
        try {
            next = advanceDue.get();
        } catch (RuntimeException e) {
            log.warn("pipeline tick failed; retrying in a second: {}", e.toString());
            next = clock.now().plusSeconds(1);
        }
        wakeAt(next);
    }

    @Override
    public synchronized void close() {
        running = false;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
