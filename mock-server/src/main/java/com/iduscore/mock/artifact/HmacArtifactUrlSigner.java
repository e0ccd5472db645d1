package com.iduscore.mock.artifact;

import com.iduscore.mock.domain.artifact.ArtifactUrlSigner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Signs artifact download URLs with HMAC-SHA256 over {@code artifactId + "." + expires} (CONTRACT.md D8), lowercase hex.
 *
 * <p>The no-argument constructor makes a per-process secret, so URLs die with the process; {@link #withSecret(byte[])}
 * takes a saved one (the state file keeps {@link #secret()}) so URLs handed out before a restart stay valid after it.
 * Thread-safe: a {@link Mac} is made per call, which costs far less than the HTTP request around it.
 */
public final class HmacArtifactUrlSigner implements ArtifactUrlSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SECRET_BYTES = 32;
    private static final int SIGNATURE_HEX_LENGTH = 64;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] secret;

    /** A signer with a fresh random 32-byte secret: its URLs stop verifying when the process ends. */
    public HmacArtifactUrlSigner() {
        this(randomSecret());
    }

    /** A signer with the given secret (for instance one restored from a state file); the array is copied. */
    public HmacArtifactUrlSigner(byte[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the artifact URL secret must not be empty");
        }
        this.secret = secret.clone();
    }

    /** Same as {@link #HmacArtifactUrlSigner(byte[])}, reading better where a saved secret is restored. */
    public static HmacArtifactUrlSigner withSecret(byte[] secret) {
        return new HmacArtifactUrlSigner(secret);
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** A copy of the secret, for saving with the mock's state. */
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String sign(UUID artifactId, long expiresEpochSeconds) {
        return HEX.formatHex(mac(artifactId, expiresEpochSeconds));
    }

    @Override
    public boolean verify(UUID artifactId, long expiresEpochSeconds, String signature) {
        if (artifactId == null || signature == null || signature.length() != SIGNATURE_HEX_LENGTH
                || !isLowercaseHex(signature)) {
            return false;
        }
        return MessageDigest.isEqual(mac(artifactId, expiresEpochSeconds), HEX.parseHex(signature));
    }

    private byte[] mac(UUID artifactId, long expiresEpochSeconds) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal((artifactId + "." + expiresEpochSeconds).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static boolean isLowercaseHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
