package com.iduscore.mock.domain.view;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** GET /v1/jobs/{id}: all 25 fields of the seed's PartnerJobDetailResponse, nulls included. */
public record JobView(UUID jobId, UUID submissionId, String partnerSubmissionId, String partnerSubjectId, String type,
                      String typeLabel, String status, String statusLabel, String segment, String correlationId,
                      UUID parentJobId, int attempts, int maxAttempts, String lastError,
                      Map<String, Object> errorDetail, Instant queuedAt, Instant acceptedAt, Instant startedAt,
                      Instant completedAt, Instant failedAt, Instant slaDeadlineAt, Long processingDurationMs,
                      boolean slaBreached, Instant createdAt, Instant updatedAt) {
}
