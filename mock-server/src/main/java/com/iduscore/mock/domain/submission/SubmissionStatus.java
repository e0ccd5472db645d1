package com.iduscore.mock.domain.submission;

/**
 * A submission's public status ({@code PartnerSubmissionPublicStatus}), in the order it moves (CONTRACT.md D7):
 * {@code received → validating → validated → processing → completed}, or to {@code failed} / {@code rejected}.
 */
public enum SubmissionStatus {
    RECEIVED("received", "Received"),
    VALIDATING("validating", "Validating"),
    VALIDATED("validated", "Validated"),
    PROCESSING("processing", "Processing"),
    COMPLETED("completed", "Completed"),
    FAILED("failed", "Failed"),
    REJECTED("rejected", "Rejected");

    private final String slug;
    private final String label;

    SubmissionStatus(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() { return slug; }

    public String label() { return label; }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == REJECTED;
    }

    /** Statuses only move forward, and never out of a terminal one. */
    public boolean canMoveTo(SubmissionStatus next) {
        return !terminal() && next.ordinal() > ordinal();
    }

    public static SubmissionStatus fromSlug(String slug) {
        for (SubmissionStatus status : values()) {
            if (status.slug.equals(slug)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown submission status '" + slug + "'");
    }
}
