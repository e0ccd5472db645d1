package com.iduscore.mock.domain.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * What the rest of a submission hears from its pipeline, in the order things happen. Called with the submission's
 * monitor held; implementations must not block (a webhook is sent on another thread).
 */
public interface PipelineListener {

    /** An attempt of {@code job} started running at {@code at}. */
    void started(Job job, Instant at);

    /** {@code job} succeeded at {@code at}; the next job, if any, is already queued. */
    void succeeded(Job job, Instant at);

    /** {@code job} ended {@code failed} or {@code dead_letter} at {@code at}; the later jobs are already cancelled. */
    void ended(Job job, Instant at);

    /** Asked when {@code pipeline.dispatch_webhooks} is about to run: is there a webhook to deliver to? */
    boolean hasWebhook();

    /**
     * Send delivery attempt {@code job.attempts()} now, off this thread; report its answer through
     * {@link Pipeline#deliveryFinished}.
     */
    void deliver(Job job, UUID deliveryId, Instant at);
}
