package com.iduscore.mock.domain.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GET /v1/results/{id} (seed PartnerResultDetailResponse). {@code outcome} is sent even when null;
 * {@code outcomes} only when more than one outcome was requested (CONTRACT.md D8).
 */
public record ResultView(UUID resultId, UUID submissionId, String partnerSubmissionId, String status,
                         String statusLabel, Instant completedAt, OutcomeView outcome,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<OutcomeView> outcomes,
                         Artifacts artifacts) {

    public record OutcomeView(String outcomeId, String focus, double score, String referencePlacement,
                              String referencePlacementLabel, String outcomeStatus, String outcomeStatusLabel,
                              Band band, List<Notice> notices) {
    }

    public record Band(String tier, String label) {
    }

    public record Notice(String message) {
    }

    public record Artifacts(List<ArtifactItem> items) {
    }

    public record ArtifactItem(UUID artifactId, String type, String typeLabel, String availability,
                               String availabilityLabel, Access access, Instant generatedAt) {
    }

    /** Both null while the artifact is pending. */
    public record Access(String downloadUrl, Instant expiresAt) {
    }
}
