package com.iduscore.mock.domain.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** GET /v1/submissions/{id} (CONTRACT.md D3); every field is sent, nulls included. */
public record SubmissionView(UUID submissionId, UUID subjectId, String partnerSubmissionId, String partnerSubjectId,
                             String status, String statusLabel, UUID resultId, Instant createdAt, Instant updatedAt,
                             Counts counts, List<JobSummaryView> jobs) {

    public record Counts(int documents, int results, int artifacts) {
    }
}
