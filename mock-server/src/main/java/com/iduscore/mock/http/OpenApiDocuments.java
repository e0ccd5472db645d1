package com.iduscore.mock.http;

/** The merged OpenAPI document as served by {@code GET /openapi.json} and {@code GET /openapi.yaml}. */
public record OpenApiDocuments(byte[] json, byte[] yaml) {
}
