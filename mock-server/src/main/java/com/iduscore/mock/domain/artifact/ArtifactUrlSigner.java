package com.iduscore.mock.domain.artifact;

import java.util.UUID;

/** HMAC-SHA256 over the artifact id and expiry (CONTRACT.md D8); the signature travels in the download URL's query. */
public interface ArtifactUrlSigner {
    /** Hex signature for this artifact and expiry (Unix seconds). */
    String sign(UUID artifactId, long expiresEpochSeconds);

    /** True when {@code signature} is the one {@link #sign} gives; compared in constant time. Expiry is the caller's check. */
    boolean verify(UUID artifactId, long expiresEpochSeconds, String signature);

    /** The signing secret, kept in the state so links stay valid across a restart; null when it cannot be kept. */
    default byte[] secret() {
        return null;
    }

    /** A signer like this one with {@code secret} (restored from the state); this one when it cannot take one. */
    default ArtifactUrlSigner rekeyed(byte[] secret) {
        return this;
    }
}
