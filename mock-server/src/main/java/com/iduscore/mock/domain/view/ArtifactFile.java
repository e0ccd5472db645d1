package com.iduscore.mock.domain.view;

/** A downloaded report: its content type, a file name for Content-Disposition, and the bytes. */
public record ArtifactFile(String contentType, String fileName, byte[] content) {
}
