package com.iduscore.mock.domain.pipeline;

/** The seven pipeline steps, in the order they run (the enum order of {@code PartnerProcessingJobTypePublic}). */
public enum JobType {
    INGEST_VALIDATE("pipeline.ingest_validate", "Ingest & validate", 3),
    DEIDENTIFY("pipeline.deidentify", "De-identify", 3),
    MAP_TO_FHIR("pipeline.map_to_fhir", "Map to FHIR", 3),
    FHIR_STORE_UPSERT("pipeline.fhir_store_upsert", "FHIR store upsert", 3),
    RUN_INFERENCE("pipeline.run_inference", "Run inference", 3),
    WRITE_ARTIFACTS("pipeline.write_artifacts", "Write artifacts", 3),
    DISPATCH_WEBHOOKS("pipeline.dispatch_webhooks", "Dispatch webhooks", 5);

    private final String slug;
    private final String label;
    private final int maxAttempts;

    JobType(String slug, String label, int maxAttempts) {
        this.slug = slug;
        this.label = label;
        this.maxAttempts = maxAttempts;
    }

    public String slug() { return slug; }

    public String label() { return label; }

    public int maxAttempts() { return maxAttempts; }

    public static JobType fromSlug(String slug) {
        for (JobType type : values()) {
            if (type.slug.equals(slug)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown job type '" + slug + "'");
    }
}
