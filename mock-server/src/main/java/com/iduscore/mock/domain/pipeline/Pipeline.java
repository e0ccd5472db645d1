package com.iduscore.mock.domain.pipeline;

import com.iduscore.mock.domain.Ids;
import com.iduscore.mock.domain.state.StateSnapshot.JobState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The seven jobs of one submission and the rules that move them along the clock (CONTRACT.md D7). Guarded by the owning
 * submission's monitor.
 *
 * <p>Time is discrete: each job knows when its next transition falls due, and {@link #advanceTo} replays every
 * transition due by {@code now} with the timestamp it was due at, so a pipeline that nobody looked at for a minute
 * reads exactly as one a ticker advanced on time. Timing per step (see {@link PipelineTiming}): queued at {@code T},
 * running at {@code T + step/2}, ended at {@code T + step}, next job queued at that same instant.
 *
 * <p>The one step that waits for the outside world is {@code pipeline.dispatch_webhooks} with a registered webhook:
 * its attempt starts at the moment it is processed (the real send time, which a receiver checks against its clock),
 * and ends when {@link #deliveryFinished} reports the receiver's answer.
 */
public final class Pipeline {
    private static final JobType[] ORDER = JobType.values();

    private final List<Job> jobs;
    private final Scenario scenario;
    private final PipelineTiming timing;
    /** The due time this pipeline is queued under in the service's {@link DueQueue}; null when not queued. */
    private Instant scheduledAt;

    private Pipeline(List<Job> jobs, Scenario scenario, PipelineTiming timing) {
        this.jobs = jobs;
        this.scenario = scenario;
        this.timing = timing.forScenario(scenario);
    }

    /** Seven jobs in enum order, each the child of the one before; ingest queued at {@code createdAt}, the rest pending. */
    public static Pipeline start(String correlationId, Instant createdAt, Scenario scenario, PipelineTiming timing) {
        List<Job> jobs = new ArrayList<>(ORDER.length);
        UUID parent = null;
        for (JobType type : ORDER) {
            Job job = new Job(Ids.random(), type, parent, correlationId, createdAt);
            jobs.add(job);
            parent = job.id();
        }
        Pipeline pipeline = new Pipeline(Collections.unmodifiableList(jobs), scenario, timing);
        jobs.get(0).queue(createdAt, pipeline.timing.sla(), createdAt.plus(pipeline.timing.halfStep()));
        return pipeline;
    }

    /** A pipeline from a snapshot: exactly the seven jobs, in order. */
    public static Pipeline fromState(List<JobState> states, Scenario scenario, PipelineTiming timing) {
        if (states == null || states.size() != ORDER.length) {
            throw new IllegalArgumentException("a submission needs " + ORDER.length + " jobs, found "
                    + (states == null ? 0 : states.size()));
        }
        List<Job> jobs = new ArrayList<>(ORDER.length);
        for (int i = 0; i < ORDER.length; i++) {
            Job job = Job.fromState(states.get(i));
            if (job.type() != ORDER[i]) {
                throw new IllegalArgumentException("job " + (i + 1) + " must be " + ORDER[i].slug()
                        + ", found " + job.type().slug());
            }
            jobs.add(job);
        }
        return new Pipeline(Collections.unmodifiableList(jobs), scenario, timing);
    }

    public List<JobState> toState() {
        List<JobState> states = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            states.add(job.toState());
        }
        return states;
    }

    public List<Job> jobs() { return jobs; }

    public Job job(JobType type) { return jobs.get(type.ordinal()); }

    public Job byId(UUID jobId) {
        for (Job job : jobs) {
            if (job.id().equals(jobId)) {
                return job;
            }
        }
        return null;
    }

    public Scenario scenario() { return scenario; }

    /** The timing this pipeline runs on: the mock's, adjusted for its scenario. */
    public PipelineTiming timing() { return timing; }

    public Instant scheduledAt() { return scheduledAt; }

    public void scheduledAt(Instant due) { this.scheduledAt = due; }

    /** When the next transition falls due, or null when none is scheduled (finished, or waiting on a webhook). */
    public Instant nextDueAt() {
        Job job = current();
        return job == null ? null : job.dueAt();
    }

    /** Every job has ended: nothing will ever change again. */
    public boolean finished() {
        return current() == null;
    }

    public boolean dueBy(Instant now) {
        Instant due = nextDueAt();
        return due != null && !due.isAfter(now);
    }

    /** The latest change to any job. */
    public Instant lastChange() {
        Instant latest = null;
        for (Job job : jobs) {
            if (latest == null || job.updatedAt().isAfter(latest)) {
                latest = job.updatedAt();
            }
        }
        return latest;
    }

    /** The running dispatch job's outstanding delivery, if it waits for one. */
    public UUID inFlightDelivery() {
        Job dispatch = job(JobType.DISPATCH_WEBHOOKS);
        return dispatch.status() == JobStatus.RUNNING ? dispatch.inFlightDeliveryId() : null;
    }

    /**
     * Runs every transition due by {@code now}, in order, each at the time it was due.
     *
     * @return true when anything changed
     */
    public boolean advanceTo(Instant now, PipelineListener listener) {
        boolean changed = false;
        for (int guard = 0; guard < 10_000; guard++) {
            Job job = current();
            Instant at = job == null ? null : job.dueAt();
            if (at == null || at.isAfter(now)) {
                return changed;
            }
            if (job.status() == JobStatus.QUEUED) {
                startAttempt(job, at, now, listener);
            } else {
                endAttempt(job, at, listener);
            }
            changed = true;
        }
        throw new IllegalStateException("pipeline did not settle by " + now);
    }

    /**
     * The receiver answered delivery {@code deliveryId} at {@code at}: a 2xx ends the job {@code succeeded}; anything
     * else is retried after 1 s, 2 s, 4 s, 8 s until {@code maxAttempts}, then the job is {@code dead_letter}.
     *
     * @return false when the answer is stale (the job no longer waits for that delivery) and was ignored
     */
    public boolean deliveryFinished(UUID deliveryId, boolean acknowledged, String error, Instant at,
                                    PipelineListener listener) {
        Job job = job(JobType.DISPATCH_WEBHOOKS);
        if (job.status() != JobStatus.RUNNING || !deliveryId.equals(job.inFlightDeliveryId())) {
            return false;
        }
        Instant when = job.startedAt().isAfter(at) ? job.startedAt() : at;
        if (acknowledged) {
            job.succeed(when);
            listener.succeeded(job, when);
        } else if (job.attempts() < job.maxAttempts()) {
            job.retry(when, error, detail(job), when.plus(timing.webhookBackoff(job.attempts())));
        } else {
            job.deadLetter(when, error, "Webhook delivery failed after " + job.attempts() + " attempts.", detail(job));
            listener.ended(job, when);
        }
        return true;
    }

    private Job current() {
        for (Job job : jobs) {
            if (job.status().open()) {
                return job;
            }
        }
        return null;
    }

    private void startAttempt(Job job, Instant at, Instant now, PipelineListener listener) {
        if (job.type() == JobType.DISPATCH_WEBHOOKS && listener.hasWebhook()) {
            UUID deliveryId = Ids.random();
            job.start(now, null);
            job.awaitDelivery(deliveryId);
            listener.started(job, now);
            listener.deliver(job, deliveryId, now);
            return;
        }
        boolean slow = scenario == Scenario.SLA_BREACH && job.type() == JobType.RUN_INFERENCE && job.attempts() == 0;
        Instant endsAt = at.plus(timing.halfStep()).plus(slow ? timing.sla() : Duration.ZERO);
        job.start(at, endsAt);
        listener.started(job, at);
    }

    private void endAttempt(Job job, Instant at, PipelineListener listener) {
        Scenario.StepFailure failure = scenario.failureOf(job.type(), job.attempts());
        if (failure == null) {
            job.succeed(at);
            queueNext(job, at);
            listener.succeeded(job, at);
        } else if (failure.rejection()) {
            job.fail(at, failure.error(), "Submission rejected at ingest validation.", detail(job));
            cancelAfter(job, at);
            listener.ended(job, at);
        } else if (job.attempts() < job.maxAttempts()) {
            job.retry(at, failure.error(), detail(job), at.plus(timing.halfStep()));
        } else {
            job.deadLetter(at, failure.error(),
                    job.type().label() + " failed after " + job.attempts() + " attempts.", detail(job));
            cancelAfter(job, at);
            listener.ended(job, at);
        }
    }

    private void queueNext(Job job, Instant at) {
        int next = job.type().ordinal() + 1;
        if (next < jobs.size()) {
            jobs.get(next).queue(at, timing.sla(), at.plus(timing.halfStep()));
        }
    }

    private void cancelAfter(Job job, Instant at) {
        for (int i = job.type().ordinal() + 1; i < jobs.size(); i++) {
            jobs.get(i).cancel(at);
        }
    }

    private static Map<String, Object> detail(Job job) {
        return Map.of("attempt", job.attempts(), "maxAttempts", job.maxAttempts());
    }
}
