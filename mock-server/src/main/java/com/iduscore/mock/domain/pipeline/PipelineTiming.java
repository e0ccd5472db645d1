package com.iduscore.mock.domain.pipeline;

import java.time.Duration;

/**
 * The pipeline's clockwork. A step queued at {@code T} starts running at {@code T + step/2} and ends (succeeds or
 * fails) at {@code T + step}, when the next step is queued; a failed attempt that will be retried is queued again at
 * once and runs after the same half step. {@code slaDeadlineAt = queuedAt + sla}.
 *
 * <p>{@code pipeline.dispatch_webhooks} with a registered webhook is the exception: it starts after half a step
 * like the rest, but then waits for the receiver's answer, and retries after {@link #webhookBackoff} of the clock.
 *
 * @param backoffDivisor the retry waits are divided by it (1 normally; {@code sim-webhook-fail-} shortens them so
 *                       the dead letter shows within seconds)
 * @param artifactDelay  how long artifacts stay {@code pending} after {@code pipeline.write_artifacts} succeeds
 */
public record PipelineTiming(Duration step, Duration sla, int backoffDivisor, Duration artifactDelay) {

    private static final Duration[] WEBHOOK_BACKOFF = {
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)};
    /** {@code sim-slow-}: every step takes this many times longer. */
    static final int SLOW_FACTOR = 10;
    /** {@code sim-sla-breach-}: the SLA is at most this many steps, so the breach shows within seconds. */
    static final int BREACH_SLA_STEPS = 5;
    /** {@code sim-webhook-fail-}: retry waits of 250 ms, 500 ms, 1 s, 2 s instead of 1, 2, 4, 8 s. */
    static final int FAILING_WEBHOOK_BACKOFF_DIVISOR = 4;
    /** {@code sim-pending-artifacts-}: how long artifacts stay pending after the submission completes. */
    public static final Duration PENDING_ARTIFACTS_DELAY = Duration.ofSeconds(5);

    public PipelineTiming(Duration step, Duration sla) {
        this(step, sla, 1, Duration.ZERO);
    }

    public Duration halfStep() {
        return step.dividedBy(2);
    }

    /** This timing as a submission with {@code scenario} runs it. */
    public PipelineTiming forScenario(Scenario scenario) {
        return switch (scenario) {
            case SLOW -> new PipelineTiming(step.multipliedBy(SLOW_FACTOR), sla, backoffDivisor, artifactDelay);
            case SLA_BREACH -> {
                Duration shortSla = step.multipliedBy(BREACH_SLA_STEPS);
                yield new PipelineTiming(step, shortSla.compareTo(sla) < 0 ? shortSla : sla, backoffDivisor, artifactDelay);
            }
            case WEBHOOK_FAIL -> new PipelineTiming(step, sla, FAILING_WEBHOOK_BACKOFF_DIVISOR, artifactDelay);
            case PENDING_ARTIFACTS -> new PipelineTiming(step, sla, backoffDivisor, PENDING_ARTIFACTS_DELAY);
            default -> this;
        };
    }

    /** The wait before the next delivery after attempt {@code failedAttempt} failed: 1 s, 2 s, 4 s, 8 s (CONTRACT.md D9). */
    public Duration webhookBackoff(int failedAttempt) {
        int index = Math.max(0, Math.min(failedAttempt - 1, WEBHOOK_BACKOFF.length - 1));
        return WEBHOOK_BACKOFF[index].dividedBy(backoffDivisor);
    }
}
