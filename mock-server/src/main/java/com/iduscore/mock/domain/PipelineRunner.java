package com.iduscore.mock.domain;

import com.iduscore.mock.domain.clock.MockClock;
import com.iduscore.mock.domain.pipeline.DueQueue;
import com.iduscore.mock.domain.pipeline.Job;
import com.iduscore.mock.domain.pipeline.PipelineListener;
import com.iduscore.mock.domain.pipeline.PipelineTicker;
import com.iduscore.mock.domain.submission.Submission;
import com.iduscore.mock.domain.submission.SubmissionStatus;
import com.iduscore.mock.domain.submission.SubmissionStore;
import com.iduscore.mock.domain.view.SettleReport;
import com.iduscore.mock.domain.webhook.DeliveryLog;
import com.iduscore.mock.domain.webhook.WebhookDispatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Pipeline orchestration: which open pipelines fall due when ({@link DueQueue}), the real clock's
 * {@link PipelineTicker}, catching a submission up before it is read, and time travel ({@link #advance},
 * {@link #settle}). Each submission is guarded by its own monitor; {@code clockLock} serialises time travel with
 * resets and restores.
 */
final class PipelineRunner implements AutoCloseable {
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);

    private final MockClock clock;
    private final SubmissionStore submissions;
    private final DeliveryLog deliveries;
    private final WebhookDispatcher dispatcher;
    private final WebhookGlue webhooks;
    private final Object clockLock;
    private final Runnable changed;
    /** Open pipelines by their next due time: what the ticker, advance and settle run. */
    private final DueQueue<Submission> due = new DueQueue<>();
    private final PipelineTicker ticker;

    PipelineRunner(MockClock clock, SubmissionStore submissions, DeliveryLog deliveries, WebhookDispatcher dispatcher,
                   WebhookGlue webhooks, ScheduledExecutorService scheduler, Object clockLock, Runnable changed) {
        this.clock = clock;
        this.submissions = submissions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.webhooks = webhooks;
        this.clockLock = clockLock;
        this.changed = changed;
        this.ticker = new PipelineTicker(clock, scheduler, this::advanceDue);
    }

    void startTicker() {
        ticker.start();
    }

    @Override
    public void close() {
        ticker.close();
    }

    /** Forgets every scheduled wake-up (reset, restore). */
    void clear() {
        due.clear();
    }

    /** The listener that connects {@code submission}'s pipeline to its statuses, result and webhook. */
    PipelineListener steps(Submission submission) {
        return new Steps(submission);
    }

    /** Runs what is due on this submission (its monitor held); cheap when nothing is. */
    void catchUp(Submission submission, Instant now) {
        if (!submission.pipeline().dueBy(now)) {
            return;
        }
        if (submission.pipeline().advanceTo(now, new Steps(submission))) {
            schedule(submission);
            changed.run();
        }
    }

    /** After a change (monitor held): queue the pipeline under its next due time and make sure the ticker wakes then. */
    void schedule(Submission submission) {
        Instant next = submission.pipeline().nextDueAt();
        if (next != null && !next.equals(submission.pipeline().scheduledAt())) {
            submission.pipeline().scheduledAt(next);
            due.add(submission, next);
            ticker.wakeAt(next);
        }
    }

    /** Runs everything due now; returns the next due time (null when nothing is scheduled). */
    Instant advanceDue() {
        Instant now = clock.now();
        for (DueQueue.Entry<Submission> entry : due.pollDue(now)) {
            Submission submission = entry.item();
            synchronized (submission) {
                if (submissions.bySubmissionId(submission.id()) != submission) {
                    continue; // reset or replaced since it was queued
                }
                if (entry.due().equals(submission.pipeline().scheduledAt())) {
                    submission.pipeline().scheduledAt(null);
                }
                catchUp(submission, now);
                schedule(submission);
            }
        }
        return due.earliest();
    }

    /** Connects one submission's pipeline to its statuses, its result and its webhook. */
    final class Steps implements PipelineListener {
        private final Submission submission;

        Steps(Submission submission) {
            this.submission = submission;
        }

        @Override
        public void started(Job job, Instant at) {
            submission.stepStarted(job.type(), at);
        }

        @Override
        public void succeeded(Job job, Instant at) {
            if (submission.stepSucceeded(job.type(), at) != null) {
                submissions.indexResult(submission);
            }
        }

        @Override
        public void ended(Job job, Instant at) {
            submission.stepEnded(job, at);
        }

        /** {@code sim-webhook-fail-} has failing deliveries to show even when the tenant registered no webhook. */
        @Override
        public boolean hasWebhook() {
            return webhooks.hasWebhook(submission);
        }

        @Override
        public void deliver(Job job, UUID deliveryId, Instant at) {
            webhooks.deliver(submission, job, deliveryId, at, PipelineRunner.this);
        }
    }

    /**
     * Moves the clock forward by {@code by}, stopping at every due transition on the way: the clock is moved to
     * that instant, the transition runs, and any webhook it sends is answered before time moves on. On the real
     * clock the ticker keeps running meanwhile; it finds nothing left to do.
     *
     * @throws IllegalArgumentException for a negative duration
     */
    Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward; asked to move by " + by);
        }
        Instant reached;
        synchronized (clockLock) {
            Instant target = clock.now().plus(by);
            for (int guard = 0; guard < 1_000_000; guard++) {
                Instant next = due.earliest();
                if (next == null || next.isAfter(target)) {
                    break;
                }
                clock.moveTo(next);
                advanceDue();
                dispatcher.awaitIdle(DELIVERY_WAIT);
            }
            reached = clock.moveTo(target);
            advanceDue();
            dispatcher.awaitIdle(DELIVERY_WAIT);
            ticker.rewake(due.earliest());
        }
        changed.run();
        return reached;
    }

    /**
     * Runs time forward from due transition to due transition until nothing is left open: every pipeline ended,
     * every webhook answered (or dead-lettered), every artifact available. Bounded by {@link IduScoreService#SETTLE_BOUND} of mock
     * time, so a submission that would never settle cannot hang the caller.
     */
    SettleReport settle() {
        SettleReport report;
        synchronized (clockLock) {
            Instant start = clock.now();
            Instant limit = start.plus(IduScoreService.SETTLE_BOUND);
            long attemptsBefore = deliveries.added();
            boolean settled = false;
            for (int guard = 0; guard < 1_000_000; guard++) {
                dispatcher.awaitIdle(DELIVERY_WAIT);
                Instant next = due.earliest();
                if (next == null) {
                    Instant artifacts = latestPendingArtifact();
                    if (artifacts == null) {
                        settled = true;
                        break;
                    }
                    next = artifacts;
                }
                if (next.isAfter(limit)) {
                    break;
                }
                clock.moveTo(next);
                Instant now = clock.now();
                advanceDue();
                for (Submission submission : submissions.all()) {
                    synchronized (submission) {
                        catchUp(submission, now);
                    }
                }
            }
            dispatcher.awaitIdle(DELIVERY_WAIT);
            ticker.rewake(due.earliest());
            Instant now = clock.now();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (SubmissionStatus status : SubmissionStatus.values()) {
                counts.put(status.slug(), 0);
            }
            for (Submission submission : submissions.all()) {
                synchronized (submission) {
                    counts.merge(submission.status().slug(), 1, Integer::sum);
                }
            }
            report = new SettleReport(Duration.between(start, now).toMillis(), now, settled, counts,
                    (int) (deliveries.added() - attemptsBefore));
        }
        changed.run();
        return report;
    }

    /** The latest instant an artifact becomes available, when one is still pending after its pipeline ended. */
    private Instant latestPendingArtifact() {
        Instant now = clock.now();
        Instant latest = null;
        for (Submission submission : submissions.all()) {
            synchronized (submission) {
                Instant at = submission.artifactsPendingUntil(now);
                if (at != null && (latest == null || at.isAfter(latest))) {
                    latest = at;
                }
            }
        }
        return latest;
    }
}
