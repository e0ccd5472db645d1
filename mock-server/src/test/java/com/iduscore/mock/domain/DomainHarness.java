package com.iduscore.mock.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.clock.ManualClock;
import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.CredentialConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.WebhookConfig;
import com.iduscore.mock.domain.view.JobSummaryView;
import com.iduscore.mock.domain.view.SubmissionView;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A service on a manual clock with the demo tenants, plus {@code hooked} (a tenant with a webhook), and fakes for every
 * port. Steps take 300 ms (running at +150 ms), the SLA is 15 minutes.
 */
final class DomainHarness implements AutoCloseable {
    static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
    static final UUID A1 = UUID.fromString("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a");
    static final UUID A2 = UUID.fromString("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e2a");
    static final UUID B1 = UUID.fromString("1c8d3a5f-9b2e-4d4c-8f6a-7b8c9d0e1f2b");
    static final UUID HOOKED = UUID.fromString("3e0f5c7b-1d4a-4f6e-8b8c-9d0e1f2a3b4d");
    static final String WEBHOOK_URL = "http://127.0.0.1:9/hooks/iduscore?token=secret-token";
    static final String WEBHOOK_SECRET = "whsec_test";
    static final String WEBHOOK_KEY = "partner-webhook-key";
    static final Duration STEP = Duration.ofMillis(300);
    static final Duration SLA = Duration.ofMinutes(15);

    final ManualClock clock;
    final RecordingWebhookTransport transport;
    final FakePorts.CountingRenderer renderer = new FakePorts.CountingRenderer();
    final IduScoreService service;
    private int keys;

    DomainHarness() {
        this(new ManualClock(START), null);
    }

    DomainHarness(ManualClock clock, Path stateFile) {
        this.clock = clock;
        this.transport = new RecordingWebhookTransport(clock::now);
        this.service = new IduScoreService(settings(clock, stateFile), ports(transport, renderer));
    }

    static List<TenantConfig> tenants() {
        return List.of(
                new TenantConfig("demo-a", true, null, null, List.of(
                        new CredentialConfig(A1.toString(), "idu_demo_a1"),
                        new CredentialConfig(A2.toString(), "idu_demo_a2"))),
                new TenantConfig("demo-b", true, null, null, List.of(new CredentialConfig(B1.toString(), "idu_demo_b1"))),
                new TenantConfig("demo-inactive", false, null, null,
                        List.of(new CredentialConfig("2d9e4b6a-0c3f-4e5d-9a7b-8c9d0e1f2a3c", "idu_demo_inactive"))),
                new TenantConfig("hooked", true, new WebhookConfig(WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_KEY), 120,
                        List.of(new CredentialConfig(HOOKED.toString(), "idu_hooked"))));
    }

    static DomainSettings settings(ManualClock clock, Path stateFile) {
        return new DomainSettings(clock, tenants(), STEP, SLA, "X-Idunox-", stateFile);
    }

    static DomainPorts ports(RecordingWebhookTransport transport, FakePorts.CountingRenderer renderer) {
        return new DomainPorts(transport, new FakePorts.HmacWebhookSigner(), new FakePorts.HmacUrlSigner(), renderer);
    }

    Caller a1() { return service.authenticate("idu_demo_a1"); }

    Caller a2() { return service.authenticate("idu_demo_a2"); }

    Caller b1() { return service.authenticate("idu_demo_b1"); }

    Caller hooked() { return service.authenticate("idu_hooked"); }

    /** Submits the complete fixture as {@code caller} with a fresh key. */
    Submitted submit(Caller caller, String partnerSubmissionId) {
        return submit(caller, Bodies.complete(caller.partnerId(), partnerSubmissionId));
    }

    Submitted submit(Caller caller, JsonNode body) {
        return service.submit(caller, "key-" + (++keys), "corr-" + keys, com.iduscore.mock.http.SubmissionRequests.parse(body));
    }

    void advance(Duration by) {
        service.advanceClock(by);
    }

    void advanceMillis(long millis) {
        service.advanceClock(Duration.ofMillis(millis));
    }

    /** Long enough for any happy pipeline: seven steps and a margin. */
    void runToEnd() {
        advance(STEP.multipliedBy(7).plusSeconds(1));
    }

    SubmissionView submission(Caller caller, Submitted submitted) {
        return service.submission(caller, submitted.accepted().submissionId());
    }

    JobSummaryView job(Caller caller, Submitted submitted, String type) {
        return submission(caller, submitted).jobs().stream().filter(job -> job.type().equals(type)).findFirst()
                .orElseThrow();
    }

    /** How many submissions the exported state holds. */
    int submissionCount() {
        return Bodies.parse(service.exportState()).get("submissions").size();
    }

    @Override
    public void close() {
        service.close();
    }
}
