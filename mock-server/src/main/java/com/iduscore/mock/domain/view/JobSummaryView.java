package com.iduscore.mock.domain.view;

import java.time.Instant;
import java.util.UUID;

/** One item of {@code jobs[]} in the submission detail (CONTRACT.md D3); every field is sent, nulls included. */
public record JobSummaryView(UUID jobId, String type, String typeLabel, String status, String statusLabel,
                             String correlationId, int attempts, int maxAttempts, Instant queuedAt,
                             Instant acceptedAt, Instant startedAt, Instant completedAt, Instant failedAt,
                             Instant slaDeadlineAt, Long processingDurationMs, boolean slaBreached,
                             String errorSummary) {
}
