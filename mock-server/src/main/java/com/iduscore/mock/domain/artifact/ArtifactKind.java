package com.iduscore.mock.domain.artifact;

import java.util.Optional;

/** The downloadable report formats; {@code inference_score_v1} and {@code score} outputs make no file (CONTRACT.md D8). */
public enum ArtifactKind {
    JSON("json", "JSON", "application/json"),
    HTML("html", "HTML", "text/html; charset=utf-8"),
    PDF("pdf", "PDF", "application/pdf");

    private final String slug;
    private final String label;
    private final String contentType;

    ArtifactKind(String slug, String label, String contentType) {
        this.slug = slug;
        this.label = label;
        this.contentType = contentType;
    }

    public String slug() { return slug; }

    public String label() { return label; }

    public String contentType() { return contentType; }

    /** The kind for a requested output, or empty for outputs that make no file. */
    public static Optional<ArtifactKind> forRequestedOutput(String output) {
        for (ArtifactKind kind : values()) {
            if (kind.slug.equals(output)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
