package com.iduscore.mock.domain.submission;

import com.iduscore.mock.domain.Ids;
import com.iduscore.mock.domain.artifact.Artifact;
import com.iduscore.mock.domain.artifact.ArtifactKind;
import com.iduscore.mock.domain.artifact.ReportContent;
import com.iduscore.mock.domain.pipeline.Job;
import com.iduscore.mock.domain.pipeline.JobStatus;
import com.iduscore.mock.domain.pipeline.JobType;
import com.iduscore.mock.domain.pipeline.Pipeline;
import com.iduscore.mock.domain.pipeline.PipelineTiming;
import com.iduscore.mock.domain.pipeline.Scenario;
import com.iduscore.mock.domain.result.OutcomeArea;
import com.iduscore.mock.domain.result.OutcomeScore;
import com.iduscore.mock.domain.result.OutcomeScorer;
import com.iduscore.mock.domain.result.OutcomeSummaries;
import com.iduscore.mock.domain.result.Result;
import com.iduscore.mock.domain.view.JobSummaryView;
import com.iduscore.mock.domain.view.JobView;
import com.iduscore.mock.domain.view.ResultView;
import com.iduscore.mock.domain.view.ResultView.OutcomeView;
import com.iduscore.mock.domain.view.SubmissionView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One accepted submission: who sent it, what it asked for, its pipeline, and (once inference succeeded) its result.
 *
 * <p><b>Locking.</b> The submission's own monitor guards it, its jobs and its result: every method that reads or
 * changes mutable state is called inside {@code synchronized (submission)}. Identity fields are final and may be read
 * without it. Nothing is copied wholesale on a read: a view is built from the fields, field by field.
 *
 * <p><b>Status</b> follows the pipeline (CONTRACT.md D7): {@code validating} when ingest starts, {@code validated} when it
 * succeeds, {@code processing} when de-identification starts, {@code completed} when the artifacts are written;
 * {@code rejected} when ingest rejects it, {@code failed} when a job before dispatch ends {@code dead_letter}. A
 * webhook that never gets through leaves it {@code completed}.
 */
public final class Submission {
    private final UUID id;
    private final String tenantId;
    private final UUID partnerId;
    private final UUID subjectId;
    private final String partnerSubmissionId;
    private final String partnerSubjectId;
    private final String correlationId;
    private final Instant createdAt;
    private final int documents;
    private final boolean optionalInputsMissing;
    private final List<OutcomeScore> scores;
    private final List<ArtifactKind> artifactKinds;
    private final Pipeline pipeline;

    private SubmissionStatus status;
    private Instant updatedAt;
    private Instant completedAt;
    private Result result;
    private byte[] webhookBody;

    private Submission(UUID id, String tenantId, UUID partnerId, UUID subjectId, String partnerSubmissionId,
                       String partnerSubjectId, String correlationId, Instant createdAt, int documents,
                       boolean optionalInputsMissing, List<OutcomeScore> scores, List<ArtifactKind> artifactKinds,
                       Pipeline pipeline, SubmissionStatus status, Instant updatedAt, Instant completedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.partnerId = partnerId;
        this.subjectId = subjectId;
        this.partnerSubmissionId = partnerSubmissionId;
        this.partnerSubjectId = partnerSubjectId;
        this.correlationId = correlationId;
        this.createdAt = createdAt;
        this.documents = documents;
        this.optionalInputsMissing = optionalInputsMissing;
        this.scores = List.copyOf(scores);
        this.artifactKinds = List.copyOf(artifactKinds);
        this.pipeline = pipeline;
        this.status = status;
        this.updatedAt = updatedAt;
        this.completedAt = completedAt;
    }

    /**
     * Accepts a request that passed the schema, the partner check and the marker panel: works out what it asks for
     * (outcomes, report files, scenario), scores it, and queues its ingest job at {@code now}.
     */
    public static Submission accept(String tenantId, UUID partnerId, UUID subjectId, String correlationId,
                                    SubmissionRequest request, Instant now, PipelineTiming timing) {
        List<OutcomeArea> areas = OutcomeArea.requested(request.requestedOutcomes());
        Set<ArtifactKind> kinds = new LinkedHashSet<>();
        for (String output : request.requestedOutputs()) {
            ArtifactKind.forRequestedOutput(output).ifPresent(kinds::add);
        }
        Scenario scenario = Scenario.forPartnerSubmissionId(request.partnerSubmissionId());
        return new Submission(Ids.random(), tenantId, partnerId, subjectId, request.partnerSubmissionId(),
                request.partnerSubjectId(), correlationId, now, request.reportDocuments(),
                request.optionalInputsMissing(), OutcomeScorer.score(request.clinicalInputs(), areas),
                List.copyOf(kinds), Pipeline.start(correlationId, now, scenario, timing), SubmissionStatus.RECEIVED,
                now, null);
    }

    // ---- identity (immutable, readable without the lock) ----------------------------------------------------------

    public UUID id() { return id; }

    public String tenantId() { return tenantId; }

    /** The credential that submitted it (the stored {@code metadata.partnerId}): only it may read it. */
    public UUID partnerId() { return partnerId; }

    public UUID subjectId() { return subjectId; }

    public String partnerSubmissionId() { return partnerSubmissionId; }

    public String partnerSubjectId() { return partnerSubjectId; }

    public Instant createdAt() { return createdAt; }

    public Pipeline pipeline() { return pipeline; }

    public Scenario scenario() { return pipeline.scenario(); }

    // ---- state (monitor held) ----------------------------------------------------------------------------------------

    public SubmissionStatus status() { return status; }

    public Result result() { return result; }

    public Instant completedAt() { return completedAt; }

    public String correlationId() { return correlationId; }

    public Instant updatedAt() { return updatedAt; }

    public int documents() { return documents; }

    public boolean optionalInputsMissing() { return optionalInputsMissing; }

    public List<OutcomeScore> scores() { return scores; }

    public List<ArtifactKind> artifactKinds() { return artifactKinds; }

    /**
     * A submission as a snapshot recorded it (the codec in {@code domain.state} reads the snapshot); its result is
     * set with {@link #restoreResult} once made from {@link #outcomeSummaries}.
     */
    public static Submission restore(UUID id, String tenantId, UUID partnerId, UUID subjectId, String partnerSubmissionId,
                                     String partnerSubjectId, String correlationId, Instant createdAt, int documents,
                                     boolean optionalInputsMissing, List<OutcomeScore> scores,
                                     List<ArtifactKind> artifactKinds, Pipeline pipeline, SubmissionStatus status,
                                     Instant updatedAt, Instant completedAt) {
        return new Submission(Objects.requireNonNull(id, "submissionId"), Objects.requireNonNull(tenantId, "tenantId"),
                Objects.requireNonNull(partnerId, "partnerId"), Objects.requireNonNull(subjectId, "subjectId"),
                partnerSubmissionId, partnerSubjectId, correlationId, createdAt, documents, optionalInputsMissing,
                scores, artifactKinds, pipeline, status, updatedAt, completedAt);
    }

    public void restoreResult(Result restored) {
        this.result = restored;
    }

    /** The ingest job: the {@code jobId} of the 202. */
    public UUID ingestJobId() {
        return pipeline.job(JobType.INGEST_VALIDATE).id();
    }

    public void stepStarted(JobType type, Instant at) {
        switch (type) {
            case INGEST_VALIDATE -> moveTo(SubmissionStatus.VALIDATING, at);
            case DEIDENTIFY -> moveTo(SubmissionStatus.PROCESSING, at);
            default -> {
            }
        }
    }

    /** @return the result row when this step created it ({@code pipeline.run_inference}), else null */
    public Result stepSucceeded(JobType type, Instant at) {
        switch (type) {
            case INGEST_VALIDATE -> moveTo(SubmissionStatus.VALIDATED, at);
            case RUN_INFERENCE -> {
                result = Result.create(at, outcomeSummaries(), artifactKinds);
                touch(at);
                return result;
            }
            case WRITE_ARTIFACTS -> {
                completedAt = at;
                moveTo(SubmissionStatus.COMPLETED, at);
                result.artifactsWritten(at, at.plus(pipeline.timing().artifactDelay()));
            }
            default -> {
            }
        }
        return null;
    }

    /** The instant the last artifact becomes available when that is still after {@code now}, else null. */
    public Instant artifactsPendingUntil(Instant now) {
        if (result == null || status != SubmissionStatus.COMPLETED) {
            return null;
        }
        Instant latest = null;
        for (Artifact artifact : result.artifacts()) {
            Instant at = artifact.availableAt();
            if (at != null && at.isAfter(now) && (latest == null || at.isAfter(latest))) {
                latest = at;
            }
        }
        return latest;
    }

    public void stepEnded(Job job, Instant at) {
        if (job.type() == JobType.DISPATCH_WEBHOOKS) {
            return; // the result is out; a webhook that never got through does not undo it (CONTRACT.md D9)
        }
        moveTo(job.type() == JobType.INGEST_VALIDATE && job.status() == JobStatus.FAILED
                ? SubmissionStatus.REJECTED : SubmissionStatus.FAILED, at);
    }

    private void moveTo(SubmissionStatus next, Instant at) {
        if (status.canMoveTo(next)) {
            status = next;
            touch(at);
            if (result != null) {
                result.touch(at);
            }
        }
    }

    private void touch(Instant at) {
        if (at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    /** The result's outcome rows for these scores (fixed once scored). */
    public List<OutcomeView> outcomeSummaries() {
        boolean partial = pipeline.scenario() == Scenario.PARTIAL;
        List<OutcomeView> views = new ArrayList<>(scores.size());
        for (OutcomeScore score : scores) {
            views.add(OutcomeSummaries.summary(score, partial, optionalInputsMissing));
        }
        return views;
    }

    /** The {@code result.ready} body, made once and reused by every attempt so each sends the same bytes. */
    public byte[] webhookBody(Supplier<byte[]> serialise) {
        if (webhookBody == null) {
            webhookBody = serialise.get();
        }
        return webhookBody;
    }

    // ---- views (monitor held) ----------------------------------------------------------------------------------------

    /**
     * CONTRACT.md D3. {@code updatedAt} is the latest change to the submission or any of its jobs. {@code counts}:
     * {@code documents} = entries of {@code reportDocuments}, {@code results} = 1 once the result row exists,
     * {@code artifacts} = the result's artifact rows (pending ones included).
     */
    public SubmissionView toView(Instant now) {
        List<JobSummaryView> jobs = new ArrayList<>(7);
        for (Job job : pipeline.jobs()) {
            jobs.add(job.toSummaryView(now));
        }
        Instant lastChange = pipeline.lastChange();
        return new SubmissionView(id, subjectId, partnerSubmissionId, partnerSubjectId, status.slug(), status.label(),
                result == null ? null : result.id(), createdAt, lastChange.isAfter(updatedAt) ? lastChange : updatedAt,
                new SubmissionView.Counts(documents, result == null ? 0 : 1,
                        result == null ? 0 : result.artifacts().size()),
                List.copyOf(jobs));
    }

    /** The job's view, or null when the job is not one of this submission's. */
    public JobView jobView(UUID jobId, Instant now) {
        Job job = pipeline.byId(jobId);
        return job == null ? null : job.toView(id, partnerSubmissionId, partnerSubjectId, now);
    }

    /**
     * @param access the signed link of an available artifact ({@code access} of a pending one is all nulls)
     */
    public ResultView resultView(Instant now, Function<Artifact, ResultView.Access> access) {
        List<OutcomeView> outcomes = result.outcomes();
        List<ResultView.ArtifactItem> items = new ArrayList<>(result.artifacts().size());
        for (Artifact artifact : result.artifacts()) {
            boolean available = artifact.availableBy(now);
            items.add(new ResultView.ArtifactItem(artifact.id(), artifact.kind().slug(), artifact.kind().label(),
                    available ? "available" : "pending", available ? "Available" : "Pending",
                    available ? access.apply(artifact) : new ResultView.Access(null, null), artifact.generatedAt()));
        }
        return new ResultView(result.id(), id, partnerSubmissionId, status.slug(), status.label(), result.updatedAt(),
                outcomes.isEmpty() ? null : outcomes.get(0), outcomes.size() > 1 ? outcomes : null,
                new ResultView.Artifacts(List.copyOf(items)));
    }

    /** What the report files show. */
    public ReportContent reportContent() {
        return new ReportContent(result.id(), id, partnerSubmissionId, result.updatedAt(),
                result.outcomes().stream().map(OutcomeSummaries::forReport).toList());
    }

    // ---- snapshot (monitor held) ----------------------------------------------------------------------------------
}
