package com.iduscore.mock.http;

import com.iduscore.mock.domain.artifact.DownloadLinks;

/** The signed download route ({@code CONTRACT.md D8}): where links point and how they are spelled. */
public final class ArtifactLinks {
    /** The route's path prefix; the artifact id follows it. */
    public static final String PATH = "/_mock/artifacts/";

    private ArtifactLinks() {
    }

    /** Links on the server at {@code baseUrl} (scheme and authority the client used, e.g. {@code http://127.0.0.1:8080}). */
    public static DownloadLinks under(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return (artifactId, expires, signature) -> base + PATH + artifactId + "?expires=" + expires
                + "&signature=" + signature;
    }
}
