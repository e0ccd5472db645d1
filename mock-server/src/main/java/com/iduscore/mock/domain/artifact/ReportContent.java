package com.iduscore.mock.domain.artifact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a report artifact shows: the result's ids and its wellbeing outcomes, nothing identifying. */
public record ReportContent(UUID resultId, UUID submissionId, String partnerSubmissionId, Instant completedAt,
                            List<Outcome> outcomes) {

    public record Outcome(String outcomeId, String focus, double score, String tier, String bandLabel,
                          String referencePlacementLabel, String outcomeStatus, List<String> notices) {
    }
}
