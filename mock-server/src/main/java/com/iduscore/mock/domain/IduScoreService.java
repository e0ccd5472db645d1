package com.iduscore.mock.domain;

import com.iduscore.mock.domain.artifact.Artifact;
import com.iduscore.mock.domain.artifact.DownloadLinks;
import com.iduscore.mock.domain.artifact.ReportContent;
import com.iduscore.mock.domain.clock.ManualClock;
import com.iduscore.mock.domain.clock.MockClock;
import com.iduscore.mock.domain.error.ApiErrors;
import com.iduscore.mock.domain.idempotency.IdempotencyRecord;
import com.iduscore.mock.domain.idempotency.IdempotencyStore;
import com.iduscore.mock.domain.pipeline.Job;
import com.iduscore.mock.domain.pipeline.PipelineTiming;
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
import com.iduscore.mock.domain.webhook.WebhookDispatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The mock IduScore service, as a facade: the partner API ({@link PartnerApi}) and its admin controls
 * ({@link MockControl}) over the stores it is handed, free of HTTP. Pipeline orchestration lives in
 * {@link PipelineRunner}, the webhook glue in {@link WebhookGlue}, the snapshot codec in
 * {@link com.iduscore.mock.domain.state.SnapshotCodec}.
 *
 * <p><b>Time.</b> Everything runs on the settings' clock. Before answering, every read brings the submission it
 * touches up to now ({@code advanceTo}), so answers are exact even when nothing else moved the pipeline. On the real
 * clock, {@link #start()} adds a ticker that wakes exactly when the next step falls due, so webhooks go out without
 * anyone polling. On either clock, {@link #advance} moves time step by step through every due transition (the real
 * clock keeps it as an offset), and waits for each webhook answer before moving on, so a test sees retries at
 * exactly +1 s, +2 s, +4 s, +8 s.
 *
 * <p><b>Concurrency.</b> Each submission is guarded by its own monitor; lookups go through lock-free maps; no read
 * copies the state or touches the disk. Webhooks are sent on their own threads with no lock held. Idempotency claims
 * are atomic per key (see {@link IdempotencyStore#claim}).
 *
 * <p><b>Persistence.</b> With a state file, the state is loaded in the constructor and written (atomically, coalesced)
 * after changes, and once more by {@link #close()}.
 */
public final class IduScoreService implements PartnerApi, MockControl, AutoCloseable {
    /** How long an {@code Idempotency-Key} is remembered (CONTRACT.md D5). */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    /** How long a signed artifact link stays valid from the GET that issued it (CONTRACT.md D8). */
    public static final Duration LINK_LIFETIME = Duration.ofHours(1);
    private static final Duration STATE_WRITE_DELAY = Duration.ofMillis(200);
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
    /** How many of the oldest submissions one eviction pass looks at. */
    private static final int EVICTION_SCAN = 32;
    /** Submissions oldest first, for eviction beyond {@code maxSubmissions}. */
    private final java.util.concurrent.ConcurrentLinkedDeque<Submission> arrivals = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final int maxSubmissions;
    /** The link signer: the port's, re-keyed with the secret of a restored state. */
    private volatile com.iduscore.mock.domain.artifact.ArtifactUrlSigner urlSigner;
    /** When idempotency records were last expired (mock time). */
    private volatile Instant lastExpiry = Instant.MIN;
    private final SnapshotCodec codec = new SnapshotCodec();
    private final ScheduledExecutorService scheduler;
    private final WebhookDispatcher dispatcher;
    private final WebhookGlue webhooks;
    private final PipelineRunner runner;
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
        this.webhooks = new WebhookGlue(tenants, dispatcher, deliveries, submissions, clock, this::changed);
        this.runner = new PipelineRunner(clock, submissions, deliveries, dispatcher, webhooks, scheduler, clockLock,
                this::changed);
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
            runner.startTicker();
        }
    }

    /** Stops the ticker and the webhook threads, then writes the state file one last time. */
    @Override
    public void close() {
        runner.close();
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
                runner.schedule(created[0]);
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
     * artifacts and idempotency key. Open ones are kept whatever their age. Scans a short stretch per call (each call
     * adds one submission, so a few evictions per call keep up), so a POST never pays for a long run of open ones at
     * the front (a manual clock nobody moves keeps every submission open: a scan of thousands per POST cut the POST
     * rate tenfold).
     */
    private void evictBeyondLimit() {
        if (submissions.size() <= maxSubmissions) {
            return;
        }
        synchronized (arrivals) {
            java.util.Iterator<Submission> oldestFirst = arrivals.iterator();
            for (int scanned = 0; scanned < EVICTION_SCAN && submissions.size() > maxSubmissions && oldestFirst.hasNext(); scanned++) {
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
            return Ids.random();
        }
        return subjects.subjectId(tenantId, partnerSubjectId);
    }

    @Override
    public SubmissionView submission(Caller caller, UUID submissionId) {
        Submission submission = visible(caller, submissions.bySubmissionId(submissionId), "Submission");
        Instant now = clock.now();
        synchronized (submission) {
            runner.catchUp(submission, now);
            return submission.toView(now);
        }
    }

    @Override
    public JobView job(Caller caller, UUID jobId) {
        Submission submission = visible(caller, submissions.byJobId(jobId), "Job");
        Instant now = clock.now();
        synchronized (submission) {
            runner.catchUp(submission, now);
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
            runner.catchUp(submission, now);
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
            runner.catchUp(submission, now);
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

    /** NOT_FOUND for an unknown id and for another tenant's, alike; FORBIDDEN for another credential of the same tenant (CONTRACT.md D6). */
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


    // ==== MockControl ===============================================================================================

    @Override
    public void reset() {
        synchronized (clockLock) {
            submissions.replaceAll(List.of());
            arrivals.clear();
            idempotency.replaceAll(List.of());
            subjects.clear();
            deliveries.replaceAll(List.of());
            runner.clear();
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

    @Override
    public Instant advance(Duration by) {
        return runner.advance(by);
    }

    @Override
    public SettleReport settle() {
        return runner.settle();
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
            runner.clear();
            for (Submission submission : restored) {
                if (submission.partnerSubjectId() != null) {
                    subjects.remember(submission.tenantId(), submission.partnerSubjectId(), submission.subjectId());
                }
                synchronized (submission) {
                    webhooks.interruptDelivery(submission, runner);
                    runner.schedule(submission);
                }
            }
        }
        changed();
    }

    private String linkSecret() {
        byte[] secret = urlSigner.secret();
        return secret == null ? null : java.util.Base64.getEncoder().encodeToString(secret);
    }

    private void changed() {
        if (persister != null) {
            persister.changed();
        }
    }
}
