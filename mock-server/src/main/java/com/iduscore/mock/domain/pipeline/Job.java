package com.iduscore.mock.domain.pipeline;

import com.iduscore.mock.domain.state.StateSnapshot.JobState;
import com.iduscore.mock.domain.state.Times;
import com.iduscore.mock.domain.view.JobSummaryView;
import com.iduscore.mock.domain.view.JobView;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One pipeline step of one submission. Guarded by the monitor of the submission that owns it: every method is
 * called with that monitor held. The transitions below are the only way its status moves, and each of them only
 * moves forward ({@code pending → queued ⇄ running → succeeded | failed | dead_letter}; {@code pending|queued →
 * cancelled}); an illegal move is a bug and throws IllegalStateException.
 */
public final class Job {
    private final UUID id;
    private final JobType type;
    private final UUID parentJobId;
    private final String correlationId;
    private final Instant createdAt;

    private JobStatus status;
    private int attempts;
    private String lastError;
    private String errorSummary;
    private Map<String, Object> errorDetail;
    private Instant queuedAt;
    private Instant acceptedAt;
    private Instant startedAt;
    private Instant completedAt;
    private Instant failedAt;
    private Instant slaDeadlineAt;
    private Instant updatedAt;
    /** When this job's next transition falls due: its start while queued, its end while running; else null. */
    private Instant dueAt;
    /** dispatch_webhooks only: the delivery attempt whose answer the running job waits for. */
    private UUID inFlightDeliveryId;

    Job(UUID id, JobType type, UUID parentJobId, String correlationId, Instant createdAt) {
        this.id = id;
        this.type = type;
        this.parentJobId = parentJobId;
        this.correlationId = correlationId;
        this.createdAt = createdAt;
        this.status = JobStatus.PENDING;
        this.updatedAt = createdAt;
    }

    public UUID id() { return id; }

    public JobType type() { return type; }

    public JobStatus status() { return status; }

    public int attempts() { return attempts; }

    public int maxAttempts() { return type.maxAttempts(); }

    public String lastError() { return lastError; }

    public Instant startedAt() { return startedAt; }

    public Instant completedAt() { return completedAt; }

    public Instant updatedAt() { return updatedAt; }

    Instant dueAt() { return dueAt; }

    UUID inFlightDeliveryId() { return inFlightDeliveryId; }

    // ---- transitions -------------------------------------------------------------------------------------------

    void queue(Instant at, Duration sla, Instant startsAt) {
        expect(JobStatus.PENDING, "queue");
        status = JobStatus.QUEUED;
        queuedAt = at;
        slaDeadlineAt = at.plus(sla);
        dueAt = startsAt;
        updatedAt = at;
    }

    /** @param endsAt when the attempt ends; null when it waits for something outside (a webhook answer) */
    void start(Instant at, Instant endsAt) {
        expect(JobStatus.QUEUED, "start");
        status = JobStatus.RUNNING;
        attempts++;
        if (acceptedAt == null) {
            acceptedAt = at;
        }
        startedAt = at;
        dueAt = endsAt;
        updatedAt = at;
    }

    void awaitDelivery(UUID deliveryId) {
        expect(JobStatus.RUNNING, "await a delivery");
        inFlightDeliveryId = deliveryId;
    }

    void succeed(Instant at) {
        expect(JobStatus.RUNNING, "succeed");
        status = JobStatus.SUCCEEDED;
        completedAt = at;
        dueAt = null;
        inFlightDeliveryId = null;
        updatedAt = at;
    }

    /** A failed attempt with attempts left: straight back to queued, {@code queuedAt} unchanged (CONTRACT.md D7). */
    void retry(Instant at, String error, Map<String, Object> detail, Instant startsAt) {
        expect(JobStatus.RUNNING, "retry");
        status = JobStatus.QUEUED;
        lastError = error;
        errorDetail = detail;
        dueAt = startsAt;
        inFlightDeliveryId = null;
        updatedAt = at;
    }

    void deadLetter(Instant at, String error, String summary, Map<String, Object> detail) {
        expect(JobStatus.RUNNING, "dead-letter");
        end(JobStatus.DEAD_LETTER, at, error, summary, detail);
    }

    /** A failure that must not be retried (ingest rejecting the submission). */
    void fail(Instant at, String error, String summary, Map<String, Object> detail) {
        expect(JobStatus.RUNNING, "fail");
        end(JobStatus.FAILED, at, error, summary, detail);
    }

    private void end(JobStatus terminal, Instant at, String error, String summary, Map<String, Object> detail) {
        status = terminal;
        failedAt = at;
        lastError = error;
        errorSummary = summary;
        errorDetail = detail;
        dueAt = null;
        inFlightDeliveryId = null;
        updatedAt = at;
    }

    void cancel(Instant at) {
        if (status != JobStatus.PENDING && status != JobStatus.QUEUED) {
            throw new IllegalStateException("Cannot cancel " + type.slug() + " in status " + status.slug());
        }
        status = JobStatus.CANCELLED;
        dueAt = null;
        updatedAt = at;
    }

    private void expect(JobStatus expected, String move) {
        if (status != expected) {
            throw new IllegalStateException("Cannot " + move + " " + type.slug() + " in status " + status.slug());
        }
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** CONTRACT.md D7: completed (or ended) after its deadline, or still queued/running past it. */
    public boolean slaBreached(Instant now) {
        if (slaDeadlineAt == null) {
            return false;
        }
        Instant ended = completedAt != null ? completedAt : failedAt;
        if (ended != null) {
            return ended.isAfter(slaDeadlineAt);
        }
        return status.open() && now.isAfter(slaDeadlineAt);
    }

    /** {@code completedAt − startedAt} of the last attempt, or null until the job has completed. */
    public Long processingDurationMs() {
        return completedAt == null || startedAt == null ? null : Duration.between(startedAt, completedAt).toMillis();
    }

    public JobView toView(UUID submissionId, String partnerSubmissionId, String partnerSubjectId, Instant now) {
        return new JobView(id, submissionId, partnerSubmissionId, partnerSubjectId, type.slug(), type.label(),
                status.slug(), status.label(), null, correlationId, parentJobId, attempts, maxAttempts(), lastError,
                errorDetail, queuedAt, acceptedAt, startedAt, completedAt, failedAt, slaDeadlineAt,
                processingDurationMs(), slaBreached(now), createdAt, updatedAt);
    }

    public JobSummaryView toSummaryView(Instant now) {
        return new JobSummaryView(id, type.slug(), type.label(), status.slug(), status.label(), correlationId,
                attempts, maxAttempts(), queuedAt, acceptedAt, startedAt, completedAt, failedAt, slaDeadlineAt,
                processingDurationMs(), slaBreached(now), errorSummary);
    }

    // ---- snapshot ----------------------------------------------------------------------------------------------

    public JobState toState() {
        return new JobState(id, type.slug(), status.slug(), parentJobId, correlationId, attempts, lastError,
                errorSummary, errorDetail, Times.format(queuedAt), Times.format(acceptedAt), Times.format(startedAt),
                Times.format(completedAt), Times.format(failedAt), Times.format(slaDeadlineAt),
                Times.format(createdAt), Times.format(updatedAt), Times.format(dueAt), inFlightDeliveryId);
    }

    static Job fromState(JobState state) {
        Job job = new Job(Objects.requireNonNull(state.jobId(), "jobId"), JobType.fromSlug(state.type()),
                state.parentJobId(), state.correlationId(), Times.required(state.createdAt(), "job createdAt"));
        job.status = JobStatus.fromSlug(state.status());
        job.attempts = state.attempts();
        job.lastError = state.lastError();
        job.errorSummary = state.errorSummary();
        job.errorDetail = state.errorDetail() == null ? null : Map.copyOf(state.errorDetail());
        job.queuedAt = Times.parse(state.queuedAt());
        job.acceptedAt = Times.parse(state.acceptedAt());
        job.startedAt = Times.parse(state.startedAt());
        job.completedAt = Times.parse(state.completedAt());
        job.failedAt = Times.parse(state.failedAt());
        job.slaDeadlineAt = Times.parse(state.slaDeadlineAt());
        job.updatedAt = Times.required(state.updatedAt(), "job updatedAt");
        job.dueAt = Times.parse(state.dueAt());
        job.inFlightDeliveryId = state.inFlightDeliveryId();
        return job;
    }
}
