package com.iduscore.mock.domain.pipeline;

/**
 * A job's lifecycle ({@code PartnerProcessingJobStatusPublic}). {@code failed} is final here: it marks an attempt
 * that must not be retried (ingest rejecting a submission); a failure that will be retried goes straight back to
 * {@code queued}, and one that ran out of attempts ends {@code dead_letter} (CONTRACT.md D7).
 */
public enum JobStatus {
    PENDING("pending", "Pending"),
    QUEUED("queued", "Queued"),
    RUNNING("running", "Running"),
    SUCCEEDED("succeeded", "Succeeded"),
    FAILED("failed", "Failed"),
    CANCELLED("cancelled", "Cancelled"),
    DEAD_LETTER("dead_letter", "Dead letter");

    private final String slug;
    private final String label;

    JobStatus(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() { return slug; }

    public String label() { return label; }

    /** Queued or running: the job still has work ahead and can breach its SLA by waiting. */
    public boolean open() {
        return this == QUEUED || this == RUNNING;
    }

    public static JobStatus fromSlug(String slug) {
        for (JobStatus status : values()) {
            if (status.slug.equals(slug)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown job status '" + slug + "'");
    }
}
