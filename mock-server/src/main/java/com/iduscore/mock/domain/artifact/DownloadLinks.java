package com.iduscore.mock.domain.artifact;

import java.util.UUID;

/**
 * Turns a signed artifact grant into the link a partner follows. The HTTP adapter owns the route and the server's
 * own address; the domain only signs (artifact id, expiry) and hands the parts over.
 */
@FunctionalInterface
public interface DownloadLinks {
    String url(UUID artifactId, long expiresEpochSeconds, String signature);
}
