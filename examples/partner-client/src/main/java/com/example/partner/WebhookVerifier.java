package com.example.partner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Verifies a {@code result.ready} webhook before trusting it: {@code X-Idunox-Signature} must be
 * {@code v1=} + hex HMAC-SHA256(secret, {@code X-Idunox-Timestamp} + "." + raw body), and the timestamp recent
 * (replays of an old delivery are refused). Verify the raw bytes as received, before parsing the JSON.
 */
public final class WebhookVerifier {
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Duration tolerance;

    public WebhookVerifier(String secret, Duration tolerance) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    public WebhookVerifier(String secret) {
        this(secret, DEFAULT_TOLERANCE);
    }

    /**
     * @param now the receiver's clock (in tests against a mock on a manual clock: the mock's clock)
     * @throws InvalidWebhookException when a header is missing, the signature is wrong or the timestamp too old
     */
    public void verify(String timestampHeader, String signatureHeader, byte[] rawBody, Instant now) {
        if (timestampHeader == null || signatureHeader == null) {
            throw new InvalidWebhookException("Missing X-Idunox-Timestamp or X-Idunox-Signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw new InvalidWebhookException("X-Idunox-Timestamp is not Unix seconds: " + timestampHeader);
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            throw new InvalidWebhookException("X-Idunox-Timestamp " + timestampHeader + " is more than " + tolerance + " from now (" + now + ")");
        }
        byte[] expected = sign(timestampHeader.trim(), rawBody).getBytes(StandardCharsets.US_ASCII);
        // constant time, so the comparison leaks nothing about the expected value
        if (!MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidWebhookException("X-Idunox-Signature does not match the body");
        }
    }

    /** {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public String sign(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A webhook that must not be trusted. */
    public static final class InvalidWebhookException extends RuntimeException {
        public InvalidWebhookException(String message) {
            super(message);
        }
    }
}
