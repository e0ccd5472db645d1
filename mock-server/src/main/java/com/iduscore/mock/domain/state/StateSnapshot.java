package com.iduscore.mock.domain.state;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole mock state as one JSON document ({@code GET /__admin/iduscore/state}, the {@code --state-file}).
 * Timestamps are ISO-8601 strings; {@code null} stands for "not yet". Everything a restart needs is here, so a
 * submission picks up where it stopped: its jobs with their next due time, its result and artifacts, the
 * idempotency keys still in their window, the webhook delivery log, and the artifact links' signing secret
 * (base64; absent in older snapshots), so a link handed out before a restart still downloads after it.
 */
public record StateSnapshot(String format, int version, String savedAt, List<SubmissionState> submissions,
                            List<IdempotencyState> idempotencyKeys, List<DeliveryState> deliveries,
                            String artifactLinkSecret) {

    public static final String FORMAT = "iduscore-mock-state";
    public static final int VERSION = 1;

    public record SubmissionState(UUID submissionId, String tenantId, UUID partnerId, UUID subjectId,
                                  String partnerSubmissionId, String partnerSubjectId, String correlationId,
                                  String scenario, String status, String createdAt, String updatedAt,
                                  String completedAt, int documents, boolean optionalInputsMissing,
                                  List<OutcomeScoreState> scores, List<String> artifactKinds, List<JobState> jobs,
                                  ResultState result) {
    }

    public record JobState(UUID jobId, String type, String status, UUID parentJobId, String correlationId,
                           int attempts, String lastError, String errorSummary, Map<String, Object> errorDetail,
                           String queuedAt, String acceptedAt, String startedAt, String completedAt, String failedAt,
                           String slaDeadlineAt, String createdAt, String updatedAt, String dueAt,
                           UUID inFlightDeliveryId) {
    }

    public record OutcomeScoreState(String outcomeId, double score) {
    }

    public record ResultState(UUID resultId, String createdAt, String updatedAt, List<ArtifactState> artifacts) {
    }

    public record ArtifactState(UUID artifactId, String type, String generatedAt, String availableAt) {
    }

    public record IdempotencyState(String tenantId, UUID partnerId, String key, String fingerprint,
                                   AcceptedState accepted, String createdAt) {
    }

    public record AcceptedState(UUID submissionId, UUID jobId, String partnerSubmissionId, String status,
                                String statusLabel, String correlationId, String createdAt) {
    }

    public record DeliveryState(UUID deliveryId, UUID submissionId, String url, int attempt, Integer statusCode,
                                String error, String at) {
    }
}
