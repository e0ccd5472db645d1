package com.iduscore.mock.domain.view;

import java.time.Instant;
import java.util.UUID;

/** The 202 body of POST /v1/submissions (CONTRACT.md D2), in the contract's field order. */
public record AcceptedView(UUID submissionId, UUID jobId, String partnerSubmissionId, String status,
                           String statusLabel, String correlationId, Instant createdAt) {
}
