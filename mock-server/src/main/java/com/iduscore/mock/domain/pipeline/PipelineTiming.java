package com.iduscore.mock.domain.pipeline;

import java.time.Duration;

/**
 * The pipeline's clockwork. A step queued at {@code T} starts running at {@code T + step/2} and ends (succeeds or
 * fails) at {@code T + step}, when the next step is queued; a failed attempt that will be retried is queued again at
 * once and runs after the same half step. {@code slaDeadlineAt = queuedAt + sla}.
 *
 * <p>{@code pipeline.dispatch_webhooks} with a registered webhook is the exception: it starts after half a step
 * like the rest, but then waits for the receiver's answer, and retries after {@link #webhookBackoff} of the clock.
 */
public record PipelineTiming(Duration step, Duration sla) {

    private static final Duration[] WEBHOOK_BACKOFF = {
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)};

    public Duration halfStep() {
        return step.dividedBy(2);
    }

    /** The wait before the next delivery after attempt {@code failedAttempt} failed: 1 s, 2 s, 4 s, 8 s (D9). */
    public static Duration webhookBackoff(int failedAttempt) {
        int index = Math.max(0, Math.min(failedAttempt - 1, WEBHOOK_BACKOFF.length - 1));
        return WEBHOOK_BACKOFF[index];
    }
}
