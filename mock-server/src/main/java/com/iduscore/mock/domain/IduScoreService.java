package com.iduscore.mock.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.mock.domain.artifact.Artifact;
import com.iduscore.mock.domain.artifact.DownloadLinks;
import com.iduscore.mock.domain.artifact.ReportContent;
import com.iduscore.mock.domain.clock.ManualClock;
import com.iduscore.mock.domain.clock.MockClock;
import com.iduscore.mock.domain.error.ApiErrors;
import com.iduscore.mock.domain.idempotency.IdempotencyRecord;
import com.iduscore.mock.domain.idempotency.IdempotencyStore;
import com.iduscore.mock.domain.pipeline.DueQueue;
import com.iduscore.mock.domain.pipeline.Job;
import com.iduscore.mock.domain.pipeline.JobType;
import com.iduscore.mock.domain.pipeline.PipelineListener;
import com.iduscore.mock.domain.pipeline.PipelineTicker;
import com.iduscore.mock.domain.pipeline.PipelineTiming;
import com.iduscore.mock.domain.pipeline.Scenario;
import com.iduscore.mock.domain.result.Result;
import com.iduscore.mock.domain.state.StateFile;
import com.iduscore.mock.domain.state.SnapshotCodec;
import com.iduscore.mock.domain.state.StatePersister;
import com.iduscore.mock.domain.state.StateSnapshot;
import com.iduscore.mock.domain.state.StateSnapshot.DeliveryState;
import com.iduscore.mock.domain.state.StateSnapshot.IdempotencyState;
import com.iduscore.mock.domain.state.StateSnapshot.SubmissionState;
import com.iduscore.mock.domain.state.Times;
import com.iduscore.mock.domain.submission.MarkerPanel;
import com.iduscore.mock.domain.submission.SubjectRegistry;
import com.iduscore.mock.domain.submission.Submission;
import com.iduscore.mock.domain.submission.SubmissionRequest;
import com.iduscore.mock.domain.submission.SubmissionStatus;
import com.iduscore.mock.domain.submission.SubmissionStore;
import com.iduscore.mock.domain.tenant.Authenticator;
import com.iduscore.mock.domain.tenant.InMemoryTenantDirectory;
import com.iduscore.mock.domain.tenant.Tenant;
import com.iduscore.mock.domain.tenant.TenantConfig.WebhookConfig;
import com.iduscore.mock.domain.tenant.TenantDirectory;
import com.iduscore.mock.domain.view.AcceptedView;
import com.iduscore.mock.domain.view.ArtifactFile;
import com.iduscore.mock.domain.view.ClockView;
import com.iduscore.mock.domain.view.SettleReport;
import com.iduscore.mock.domain.view.DeliveryView;
import com.iduscore.mock.domain.view.JobView;
import com.iduscore.mock.domain.view.ResultView;
import com.iduscore.mock.domain.view.SubmissionView;
import com.iduscore.mock.domain.webhook.DeliveryLog;
import com.iduscore.mock.domain.webhook.ResultReadyEvent;
import com.iduscore.mock.domain.webhook.WebhookDispatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The mock IduScore service: the partner API ({@link PartnerApi}) and its admin controls ({@link MockControl}) over
 * one in-memory state, free of HTTP.
 *
 * <p><b>Time.</b> Everything runs on the settings' clock. Before answering, every read brings the submission it
 * touches up to now ({@code advanceTo}), so answers are exact even when nothing else moved the pipeline. On the real
 * clock, {@link #start()} adds a {@link PipelineTicker} that wakes exactly when the next step falls due, so webhooks
 * go out without anyone polling. On a {@link ManualClock}, {@link #advanceClock} moves time step by step through
 * every due transition, and waits for each webhook answer before moving on, so a test sees retries at exactly
 * +1 s, +2 s, +4 s, +8 s.
 *
 * <p><b>Concurrency.</b> Each submission is guarded by its own monitor; lookups go through lock-free maps; no read
 * copies the state or touches the disk. Webhooks are sent on their own threads with no lock held. Idempotency claims
 * are atomic per key (see {@link IdempotencyStore#claim}).
 *
 * <p><b>Persistence.</b> With a state file, the state is loaded in the constructor and written (atomically, coalesced)
 * after changes, and once more by {@link #close()}.
 */
public final class IduScoreService implements PartnerApi, MockControl, AutoCloseable {
    /** How long an {@code Idempotency-Key} is remembered (D5). */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    /** How long a signed artifact link stays valid from the GET that issued it (D8). */
    public static final Duration LINK_LIFETIME = Duration.ofHours(1);
    private static final Duration STATE_WRITE_DELAY = Duration.ofMillis(200);
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);
    /** How far {@link #settle} may move the clock at most. */
    public static final Duration SETTLE_BOUND = Duration.ofDays(1);

    private final MockClock clock;
    private final PipelineTiming timing;
    private final DomainPorts ports;
    private final TenantDirectory tenants;
    private final Authenticator authenticator;
    private final SubmissionStore submissions;
    private final IdempotencyStore idempotency;
    private final SubjectRegistry subjects = new SubjectRegistry();
    private final DeliveryLog deliveries;
    /** Submissions oldest first, for eviction beyond {@code maxSubmissions}. */
    private final java.util.concurrent.ConcurrentLinkedDeque<Submission> arrivals = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final int maxSubmissions;
    /** The link signer: the port's, re-keyed with the secret of a restored state. */
    private volatile com.iduscore.mock.domain.artifact.ArtifactUrlSigner urlSigner;
    /** When idempotency records were last expired (mock time). */
    private volatile Instant lastExpiry = Instant.MIN;
    /** Open pipelines by their next due time: what the ticker and advanceClock run. */
    private final DueQueue<Submission> due = new DueQueue<>();
    private final SnapshotCodec codec = new SnapshotCodec();
    /** Writes the {@code result.ready} body (its bytes are signed, so written once per submission). */
    private static final ObjectMapper WEBHOOK_JSON = new ObjectMapper();
    private final ScheduledExecutorService scheduler;
    private final WebhookDispatcher dispatcher;
    private final PipelineTicker ticker;
    private final StatePersister persister;
    private final Object clockLock = new Object();

    /**
     * Builds the service; loads the state file when one is configured and exists.
     *
     * @throws IllegalArgumentException naming the file, when the state file is not a snapshot of this mock; or
     *                                  naming the tenant, when the tenants cannot work
     */
    public IduScoreService(DomainSettings settings, DomainPorts ports) {
        this(settings, ports, DomainStores.inMemory());
    }

    /** As {@link #IduScoreService(DomainSettings, DomainPorts)}, with the stores handed in (they should start empty). */
    public IduScoreService(DomainSettings settings, DomainPorts ports, DomainStores stores) {
        Objects.requireNonNull(settings, "settings");
        this.submissions = Objects.requireNonNull(stores, "stores").submissions();
        this.idempotency = stores.idempotency();
        this.ports = Objects.requireNonNull(ports, "ports");
        this.clock = settings.clock();
        this.timing = new PipelineTiming(settings.stepDuration(), settings.sla());
        this.maxSubmissions = settings.maxSubmissions();
        this.deliveries = new DeliveryLog((int) Math.min(Integer.MAX_VALUE, 5L * maxSubmissions));
        this.urlSigner = ports.urlSigner();
        this.tenants = new InMemoryTenantDirectory(settings.tenants());
        this.authenticator = new Authenticator(tenants);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("iduscore-domain-scheduler").daemon(true).factory());
        this.dispatcher = new WebhookDispatcher(ports.webhookTransport(), ports.webhookSigner(),
                settings.webhookHeaderPrefix(), clock);
        this.ticker = new PipelineTicker(clock, scheduler, this::advanceDue);
        if (settings.stateFile() == null) {
            this.persister = null;
            return;
        }
        StateFile file = new StateFile(settings.stateFile());
        try {
            file.read().ifPresent(text -> {
                try {
                    importState(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("State file " + file.path()
                            + " is not a valid IduScore mock state: " + e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            dispatcher.close();
            scheduler.shutdownNow();
            throw e;
        }
        this.persister = new StatePersister(file, this::exportState, scheduler, STATE_WRITE_DELAY);
    }

    /** On the real clock, starts the background ticker; on a manual clock, nothing moves until advanceClock. */
    public void start() {
        if (!(clock instanceof ManualClock)) {
            ticker.start();
        }
    }

    /** Stops the ticker and the webhook threads, then writes the state file one last time. */
    @Override
    public void close() {
        ticker.close();
        dispatcher.close();
        if (persister != null) {
            persister.close();
        }
        scheduler.shutdownNow();
    }

    // ==== PartnerApi ================================================================================================

    @Override
    public Caller authenticate(String apiKey) {
        return authenticator.authenticate(apiKey);
    }

    @Override
    public Submitted submit(Caller caller, String idempotencyKey, String correlationId, SubmissionRequest body) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(body, "body");
        if (idempotencyKey == null || idempotencyKey.isEmpty()) {
            throw new IllegalArgumentException("An Idempotency-Key is required; the adapter refuses it before this");
        }
        checkPartnerId(caller, body);
        MarkerPanel.check(body.markers());
        String fingerprint = body.fingerprint();
        Instant now = clock.now();
        Submission[] created = {null};
        IdempotencyStore.Claim claim = idempotency.claim(caller.tenantId(), caller.partnerId(), idempotencyKey, now, () -> {
            Submission submission = Submission.accept(caller.tenantId(), caller.partnerId(),
                    subjectId(caller.tenantId(), body.partnerSubjectId()), correlationId, body, now, timing);
            submissions.add(submission);
            created[0] = submission;
            AcceptedView accepted = new AcceptedView(submission.id(), submission.ingestJobId(),
                    submission.partnerSubmissionId(), SubmissionStatus.RECEIVED.slug(),
                    SubmissionStatus.RECEIVED.label(), correlationId, now);
            return new IdempotencyRecord(caller.tenantId(), caller.partnerId(), idempotencyKey, fingerprint, accepted, now);
        });
        if (claim.created()) {
            synchronized (created[0]) {
                schedule(created[0]);
            }
            arrivals.addLast(created[0]);
            evictBeyondLimit();
            expireKeys(now);
            changed();
            return new Submitted(claim.record().accepted(), false);
        }
        if (!claim.record().fingerprint().equals(fingerprint)) {
            throw ApiErrors.idempotencyConflict();
        }
        return new Submitted(claim.record().accepted(), true);
    }

    /**
     * Beyond {@code maxSubmissions}, forgets the oldest submissions whose pipeline has ended, with their jobs, result,
     * artifacts and idempotency key. Open ones are kept whatever their age. Scans a bounded stretch per call.
     */
    private void evictBeyondLimit() {
        if (submissions.size() <= maxSubmissions) {
            return;
        }
        synchronized (arrivals) {
            java.util.Iterator<Submission> oldestFirst = arrivals.iterator();
            for (int scanned = 0; scanned < 10_000 && submissions.size() > maxSubmissions && oldestFirst.hasNext(); scanned++) {
                Submission submission = oldestFirst.next();
                if (submissions.bySubmissionId(submission.id()) != submission) {
                    oldestFirst.remove(); // reset or replaced
                    continue;
                }
                boolean ended;
                synchronized (submission) {
                    ended = submission.pipeline().finished();
                }
                if (ended) {
                    oldestFirst.remove();
                    submissions.remove(submission);
                    idempotency.removeForSubmission(submission.id());
                }
            }
        }
    }

    /** Drops idempotency records past their 24 h of mock time; at most once a minute of mock time. */
    private void expireKeys(Instant now) {
        if (now.isAfter(lastExpiry.plus(Duration.ofMinutes(1)))) {
            lastExpiry = now;
            idempotency.expire(now);
        }
    }

    private static void checkPartnerId(Caller caller, SubmissionRequest body) {
        try {
            if (body.partnerId() != null && UUID.fromString(body.partnerId()).equals(caller.partnerId())) {
                return;
            }
        } catch (IllegalArgumentException notAUuid) {
            // the schema refuses this first; if it slips through it is simply not the caller's id
        }
        throw ApiErrors.partnerIdMismatch();
    }

    private UUID subjectId(String tenantId, String partnerSubjectId) {
        if (partnerSubjectId == null) {
            return UUID.randomUUID();
        }
        return subjects.subjectId(tenantId, partnerSubjectId);
    }

    @Override
    public SubmissionView submission(Caller caller, UUID submissionId) {
        Submission submission = visible(caller, submissions.bySubmissionId(submissionId), "Submission");
        Instant now = clock.now();
        synchronized (submission) {
            catchUp(submission, now);
            return submission.toView(now);
        }
    }

    @Override
    public JobView job(Caller caller, UUID jobId) {
        Submission submission = visible(caller, submissions.byJobId(jobId), "Job");
        Instant now = clock.now();
        synchronized (submission) {
            catchUp(submission, now);
            JobView view = submission.jobView(jobId, now);
            if (view == null) {
                throw ApiErrors.notFound("Job");
            }
            return view;
        }
    }

    @Override
    public ResultView result(Caller caller, UUID resultId, DownloadLinks links) {
        Submission submission = visible(caller, submissions.byResultId(resultId), "Result");
        Objects.requireNonNull(links, "links");
        Instant now = clock.now();
        synchronized (submission) {
            catchUp(submission, now);
            Result result = submission.result();
            if (result == null || !result.id().equals(resultId)) {
                throw ApiErrors.notFound("Result");
            }
            return submission.resultView(now, artifact -> signedLink(links, artifact, now));
        }
    }

    private ResultView.Access signedLink(DownloadLinks links, Artifact artifact, Instant now) {
        long expires = now.getEpochSecond() + LINK_LIFETIME.toSeconds();
        String signature = urlSigner.sign(artifact.id(), expires);
        return new ResultView.Access(links.url(artifact.id(), expires, signature), Instant.ofEpochSecond(expires));
    }

    /**
     * Verifies the link (signature through the port, then expiry against the clock: a link is dead from its
     * {@code expires} second on), then renders the file once and serves the cached bytes after.
     */
    @Override
    public ArtifactFile download(UUID artifactId, long expiresEpochSeconds, String signature) {
        if (artifactId == null || signature == null || signature.isEmpty()
                || !urlSigner.verify(artifactId, expiresEpochSeconds, signature)) {
            throw ApiErrors.downloadForbidden("The download link is not valid: its signature does not match");
        }
        Instant now = clock.now();
        if (now.getEpochSecond() >= expiresEpochSeconds) {
            throw ApiErrors.downloadForbidden("The download link has expired; GET the result again for a fresh one");
        }
        Submission submission = submissions.byArtifactId(artifactId);
        if (submission == null) {
            throw ApiErrors.notFound("Artifact");
        }
        Artifact artifact;
        ReportContent content;
        synchronized (submission) {
            catchUp(submission, now);
            artifact = submission.result() == null ? null : submission.result().artifact(artifactId);
            if (artifact == null || !artifact.availableBy(now)) {
                throw ApiErrors.notFound("Artifact");
            }
            content = submission.reportContent();
        }
        Artifact file = artifact;
        byte[] bytes = file.content(() -> ports.renderer().render(file.kind(), content));
        return new ArtifactFile(file.kind().contentType(),
                "iduscore-result-" + content.resultId() + "." + file.kind().slug(), bytes);
    }

    /** NOT_FOUND for an unknown id and for another tenant's, alike; FORBIDDEN for another credential of the same tenant (D6). */
    private static Submission visible(Caller caller, Submission submission, String resource) {
        Objects.requireNonNull(caller, "caller");
        if (submission == null || !submission.tenantId().equals(caller.tenantId())) {
            throw ApiErrors.notFound(resource);
        }
        if (!submission.partnerId().equals(caller.partnerId())) {
            throw ApiErrors.restrictedToAnotherCredential(resource);
        }
        return submission;
    }


    // ==== the pipeline ==============================================================================================

    /** Runs what is due on this submission (its monitor held); cheap when nothing is. */
    private void catchUp(Submission submission, Instant now) {
        if (!submission.pipeline().dueBy(now)) {
            return;
        }
        if (submission.pipeline().advanceTo(now, new Steps(submission))) {
            schedule(submission);
            changed();
        }
    }

    /** After a change (monitor held): queue the pipeline under its next due time and make sure the ticker wakes then. */
    private void schedule(Submission submission) {
        Instant next = submission.pipeline().nextDueAt();
        if (next != null && !next.equals(submission.pipeline().scheduledAt())) {
            submission.pipeline().scheduledAt(next);
            due.add(submission, next);
            ticker.wakeAt(next);
        }
    }

    /** Runs everything due now; returns the next due time (null when nothing is scheduled). */
    private Instant advanceDue() {
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

    private WebhookConfig webhookOf(Submission submission) {
        return tenants.tenant(submission.tenantId()).map(Tenant::webhook).orElse(null);
    }

    /** Connects one submission's pipeline to its statuses, its result and its webhook. */
    private final class Steps implements PipelineListener {
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
            return webhookOf(submission) != null || submission.scenario() == Scenario.WEBHOOK_FAIL;
        }

        @Override
        public void deliver(Job job, UUID deliveryId, Instant at) {
            WebhookConfig webhook = webhookOf(submission);
            Result result = submission.result();
            byte[] body = submission.webhookBody(() -> new ResultReadyEvent(submission.id(), result.id(),
                    result.artifacts().isEmpty() ? result.id() : result.artifacts().get(0).id(),
                    submission.partnerSubmissionId(), submission.status().slug(), submission.status().label(),
                    submission.completedAt()).toJson(WEBHOOK_JSON));
            int attempt = job.attempts();
            dispatcher.send(new WebhookDispatcher.Delivery(deliveryId, submission.id(), webhook, attempt,
                    job.maxAttempts(), at, body), answer -> answered(submission, deliveryId, attempt,
                    webhook == null ? null : webhook.url(), at, answer));
        }
    }

    /** A receiver answered (on a webhook thread): record the attempt, then let the pipeline succeed or retry. */
    private void answered(Submission submission, UUID deliveryId, int attempt, String url, Instant sentAt,
                          WebhookDispatcher.Answer received) {
        WebhookDispatcher.Answer answer = submission.scenario() == Scenario.WEBHOOK_FAIL && received.acknowledged()
                ? new WebhookDispatcher.Answer(received.statusCode(),
                "simulated failure (sim-webhook-fail-): the receiver's HTTP " + received.statusCode() + " counts as failed",
                false, received.at())
                : received;
        synchronized (submission) {
            if (submissions.bySubmissionId(submission.id()) != submission
                    || !deliveryId.equals(submission.pipeline().inFlightDelivery())) {
                return; // reset or replaced while the delivery was out
            }
            deliveries.add(new DeliveryView(deliveryId, submission.id(), url, attempt, answer.statusCode(),
                    answer.error(), sentAt));
            submission.pipeline().deliveryFinished(deliveryId, answer.acknowledged(), answer.error(), answer.at(),
                    new Steps(submission));
            schedule(submission);
        }
        changed();
    }

    // ==== MockControl ===============================================================================================

    @Override
    public void reset() {
        synchronized (clockLock) {
            submissions.replaceAll(List.of());
            arrivals.clear();
            idempotency.replaceAll(List.of());
            subjects.clear();
            deliveries.replaceAll(List.of());
            due.clear();
        }
        changed();
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    @Override
    public ClockView clock() {
        return new ClockView(clock.now(), clock.mode(), clock.offset().toMillis());
    }

    /**
     * Moves the clock forward by {@code by}, stopping at every due transition on the way: the clock is moved to
     * that instant, the transition runs, and any webhook it sends is answered before time moves on. On the real
     * clock the ticker keeps running meanwhile; it finds nothing left to do.
     *
     * @throws IllegalArgumentException for a negative duration
     */
    @Override
    public Instant advance(Duration by) {
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
        changed();
        return reached;
    }

    /**
     * Runs time forward from due transition to due transition until nothing is left open: every pipeline ended,
     * every webhook answered (or dead-lettered), every artifact available. Bounded by {@link #SETTLE_BOUND} of mock
     * time, so a submission that would never settle cannot hang the caller.
     */
    @Override
    public SettleReport settle() {
        SettleReport report;
        synchronized (clockLock) {
            Instant start = clock.now();
            Instant limit = start.plus(SETTLE_BOUND);
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
        changed();
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

    @Override
    public List<DeliveryView> deliveries() {
        return deliveries.all();
    }

    @Override
    public String exportState() {
        Instant now = clock.now();
        List<Submission> all = new ArrayList<>(submissions.all());
        all.sort(Comparator.comparing(Submission::createdAt).thenComparing(Submission::id));
        List<SubmissionState> states = new ArrayList<>(all.size());
        for (Submission submission : all) {
            synchronized (submission) {
                states.add(SnapshotCodec.toState(submission));
            }
        }
        List<IdempotencyState> keys = idempotency.all().stream()
                .filter(record -> record.liveAt(now, IDEMPOTENCY_WINDOW))
                .sorted(Comparator.comparing(IdempotencyRecord::createdAt).thenComparing(IdempotencyRecord::key))
                .map(SnapshotCodec::toState)
                .toList();
        List<DeliveryState> attempts = deliveries.all().stream().map(SnapshotCodec::toState).toList();
        return codec.write(new StateSnapshot(StateSnapshot.FORMAT, StateSnapshot.VERSION, Times.format(now), states,
                keys, attempts, linkSecret()));
    }

    /**
     * Replaces the whole state. Nothing changes unless the whole snapshot reads: a bad one is refused with an
     * IllegalArgumentException and the current state stays. A manual clock behind the snapshot's {@code savedAt}
     * is moved up to it, so no timestamp lies in the future. A webhook that was out when the snapshot was taken
     * counts as a failed attempt ("interrupted") and is retried on the usual schedule.
     */
    @Override
    public void importState(String snapshotJson) {
        StateSnapshot snapshot = codec.read(snapshotJson);
        List<Submission> restored = new ArrayList<>();
        List<IdempotencyRecord> keys = new ArrayList<>();
        List<DeliveryView> attempts = new ArrayList<>();
        byte[] secret;
        try {
            secret = snapshot.artifactLinkSecret() == null ? null
                    : java.util.Base64.getDecoder().decode(snapshot.artifactLinkSecret());
            for (SubmissionState state : SnapshotCodec.orEmpty(snapshot.submissions())) {
                restored.add(SnapshotCodec.fromState(state, timing));
            }
            for (IdempotencyState state : SnapshotCodec.orEmpty(snapshot.idempotencyKeys())) {
                keys.add(SnapshotCodec.fromState(state));
            }
            for (DeliveryState state : SnapshotCodec.orEmpty(snapshot.deliveries())) {
                attempts.add(SnapshotCodec.fromState(state));
            }
        } catch (RuntimeException e) {
            throw SnapshotCodec.invalid(e);
        }
        synchronized (clockLock) {
            Instant savedAt = Times.parse(snapshot.savedAt());
            if (savedAt != null) {
                // either clock: time travel before the save is kept, so no timestamp lies in the future
                clock.moveTo(savedAt);
            }
            submissions.replaceAll(restored);
            arrivals.clear();
            arrivals.addAll(restored);
            idempotency.replaceAll(keys);
            if (secret != null) {
                urlSigner = ports.urlSigner().rekeyed(secret);
            }
            deliveries.replaceAll(attempts);
            subjects.clear();
            due.clear();
            for (Submission submission : restored) {
                if (submission.partnerSubjectId() != null) {
                    subjects.remember(submission.tenantId(), submission.partnerSubjectId(), submission.subjectId());
                }
                synchronized (submission) {
                    interruptDelivery(submission);
                    schedule(submission);
                }
            }
        }
        changed();
    }

    private String linkSecret() {
        byte[] secret = urlSigner.secret();
        return secret == null ? null : java.util.Base64.getEncoder().encodeToString(secret);
    }

    /** A delivery that was out when the snapshot was taken will never be answered: count it as failed. */
    private void interruptDelivery(Submission submission) {
        UUID deliveryId = submission.pipeline().inFlightDelivery();
        if (deliveryId == null) {
            return;
        }
        Job dispatch = submission.pipeline().job(JobType.DISPATCH_WEBHOOKS);
        WebhookConfig webhook = webhookOf(submission);
        String error = "interrupted: the mock stopped before the receiver answered";
        deliveries.add(new DeliveryView(deliveryId, submission.id(), webhook == null ? null : webhook.url(),
                dispatch.attempts(), null, error, dispatch.startedAt()));
        submission.pipeline().deliveryFinished(deliveryId, false, error, clock.now(), new Steps(submission));
    }

    private void changed() {
        if (persister != null) {
            persister.changed();
        }
    }
}
