package com.iduscore.mock.domain;

import com.iduscore.mock.domain.clock.MockClock;
import com.iduscore.mock.domain.tenant.TenantConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the domain behaves: its clock, its tenants and the pipeline's timing.
 *
 * @param clock               the only source of time ({@code ManualClock} for {@code --clock manual}, else {@code SystemClock})
 * @param tenants             the tenants and their credentials (keys are hashed on load and never kept in plain text)
 * @param stepDuration        how long one pipeline step takes from {@code queued} to {@code succeeded} (default 300 ms)
 * @param sla                 a job's SLA: {@code slaDeadlineAt = queuedAt + sla} (default 15 minutes)
 * @param webhookHeaderPrefix {@code X-Idunox-} or {@code X-IduScore-}: prefix of the webhook's four signature headers
 * @param stateFile           where the state survives a restart; {@code null} keeps it in memory only
 * @param maxSubmissions      submissions kept at most: beyond it the oldest terminal ones are evicted with their
 *                            results, jobs and idempotency keys, so memory stays bounded under sustained load
 */
public record DomainSettings(MockClock clock, List<TenantConfig> tenants, Duration stepDuration, Duration sla,
                             String webhookHeaderPrefix, Path stateFile, int maxSubmissions) {

    public static final Duration DEFAULT_STEP_DURATION = Duration.ofMillis(300);
    public static final Duration DEFAULT_SLA = Duration.ofMinutes(15);
    public static final String DEFAULT_WEBHOOK_HEADER_PREFIX = "X-Idunox-";
    public static final int DEFAULT_MAX_SUBMISSIONS = 100_000;

    public DomainSettings(MockClock clock, List<TenantConfig> tenants, Duration stepDuration, Duration sla,
                          String webhookHeaderPrefix, Path stateFile) {
        this(clock, tenants, stepDuration, sla, webhookHeaderPrefix, stateFile, DEFAULT_MAX_SUBMISSIONS);
    }

    public DomainSettings {
        Objects.requireNonNull(clock, "clock");
        tenants = List.copyOf(Objects.requireNonNull(tenants, "tenants"));
        Objects.requireNonNull(stepDuration, "stepDuration");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(webhookHeaderPrefix, "webhookHeaderPrefix");
        if (stepDuration.isNegative() || stepDuration.isZero()) {
            throw new IllegalArgumentException("stepDuration must be positive, was " + stepDuration);
        }
        if (sla.isNegative() || sla.isZero()) {
            throw new IllegalArgumentException("sla must be positive, was " + sla);
        }
        if (maxSubmissions < 1) {
            throw new IllegalArgumentException("maxSubmissions must be >= 1, was " + maxSubmissions);
        }
    }

    /** The defaults of the CLI: 300 ms steps, a 15 minute SLA, {@code X-Idunox-} headers, no state file. */
    public static DomainSettings defaults(MockClock clock, List<TenantConfig> tenants) {
        return new DomainSettings(clock, tenants, DEFAULT_STEP_DURATION, DEFAULT_SLA, DEFAULT_WEBHOOK_HEADER_PREFIX, null);
    }
}
