package com.iduscore.mock.http;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Fault switches a test flips through {@code PUT /__admin/iduscore/faults}: readiness, added latency and a rate-limit
 * override. Read on every partner request, so a change applies to the next one.
 */
public final class Faults {

    /**
     * @param ready              {@code false} makes {@code GET /health/ready} answer 503
     * @param latencyMs          added to every partner API response (not the admin API)
     * @param rateLimitPerMinute per credential, replacing every tenant's own limit; {@code null} keeps the tenants'
     */
    public record Settings(boolean ready, long latencyMs, Integer rateLimitPerMinute) {
        public static final Settings NONE = new Settings(true, 0, null);

        public Settings {
            if (latencyMs < 0) {
                throw new IllegalArgumentException("latencyMs must be >= 0");
            }
            if (rateLimitPerMinute != null && rateLimitPerMinute < 1) {
                throw new IllegalArgumentException("rateLimitPerMinute must be >= 1 or null");
            }
        }
    }

    private final AtomicReference<Settings> current = new AtomicReference<>(Settings.NONE);

    public Settings current() {
        return current.get();
    }

    public void set(Settings settings) {
        current.set(settings);
    }

    public void reset() {
        current.set(Settings.NONE);
    }
}
