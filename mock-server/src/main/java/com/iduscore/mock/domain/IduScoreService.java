package com.iduscore.mock.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.mock.domain.view.ArtifactFile;
import com.iduscore.mock.domain.view.DeliveryView;
import com.iduscore.mock.domain.view.JobView;
import com.iduscore.mock.domain.view.ResultView;
import com.iduscore.mock.domain.view.SubmissionView;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The mock IduScore service: the partner API and its admin controls over one in-memory state. (work in progress) */
public final class IduScoreService implements PartnerApi, MockControl, AutoCloseable {
    private final DomainSettings settings;
    private final DomainPorts ports;

    public IduScoreService(DomainSettings settings, DomainPorts ports) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    public void start() {
    }

    @Override
    public void close() {
    }

    @Override
    public Caller authenticate(String apiKey) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Submitted submit(Caller caller, String idempotencyKey, String correlationId, JsonNode body) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public SubmissionView submission(Caller caller, UUID submissionId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public JobView job(Caller caller, UUID jobId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public ResultView result(Caller caller, UUID resultId, String publicBaseUrl) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public ArtifactFile download(UUID artifactId, long expiresEpochSeconds, String signature) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void reset() {
    }

    @Override
    public Instant now() {
        return settings.clock().now();
    }

    @Override
    public void advanceClock(Duration by) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<DeliveryView> deliveries() {
        return List.of();
    }

    @Override
    public String exportState() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void importState(String snapshotJson) {
        throw new UnsupportedOperationException("not yet");
    }
}
