package com.iduscore.mock.domain.artifact;

/** Makes the bytes of a report file: real JSON, HTML and PDF documents a partner can open. */
public interface ArtifactRenderer {
    byte[] render(ArtifactKind kind, ReportContent content);
}
