package com.iduscore.mock.domain.state;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Writes the state file after changes, coalesced: the first change schedules one write {@code delay} later, and
 * every change until then rides along with it. Reads that change nothing never cause a write; no write ever runs on
 * a request thread. {@link #close} writes what is still pending.
 */
public final class StatePersister implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatePersister.class);

    private final StateFile file;
    private final Supplier<String> snapshot;
    private final ScheduledExecutorService scheduler;
    private final Duration delay;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public StatePersister(StateFile file, Supplier<String> snapshot, ScheduledExecutorService scheduler, Duration delay) {
        this.file = file;
        this.snapshot = snapshot;
        this.scheduler = scheduler;
        this.delay = delay;
    }

    /** Something changed: make sure a write follows soon. */
    public void changed() {
        dirty.set(true);
        if (scheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::flushScheduled, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException shuttingDown) {
                scheduled.set(false);
            }
        }
    }

    private void flushScheduled() {
        scheduled.set(false);
        flush();
    }

    /** Writes now when anything changed since the last write. */
    public synchronized void flush() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            file.write(snapshot.get());
        } catch (RuntimeException e) {
            dirty.set(true);
            log.warn("{}", e.getMessage());
        }
    }

    @Override
    public void close() {
        flush();
    }
}
