package com.iduscore.mock.http;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Requests per minute per credential, as a sliding one-minute window. It runs on wall time (a monotonic ticker), not
 * the mock clock: a manual clock that never moves would otherwise lock a partner out for good.
 */
public final class RateLimiter {
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final LongSupplier nanoTime;
    private final Map<Object, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();

    public RateLimiter() {
        this(System::nanoTime);
    }

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Counts one request of {@code credential} against {@code perMinute}.
     *
     * @return empty when allowed; else the whole seconds until a request would be allowed (at least 1), for
     *         {@code Retry-After}. A refused request is not counted.
     */
    public OptionalLong tryAcquire(Object credential, int perMinute) {
        long now = nanoTime.getAsLong();
        ArrayDeque<Long> window = windows.computeIfAbsent(credential, k -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
                window.pollFirst();
            }
            if (window.size() < perMinute) {
                window.addLast(now);
                return OptionalLong.empty();
            }
            // the oldest request to leave the window frees the next slot
            long waitNanos = window.peekFirst() + WINDOW_NANOS - now;
            return OptionalLong.of(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** Forgets every window (admin reset). */
    public void reset() {
        windows.clear();
    }
}
