package com.iduscore.mock.domain.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** API keys are only ever held as SHA-256 hashes (CONTRACT.md D6). Hashing runs on every request, so the digest is reused per thread. */
public final class ApiKeys {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private ApiKeys() {
    }

    public static byte[] sha256(String apiKey) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return digest.digest(apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
