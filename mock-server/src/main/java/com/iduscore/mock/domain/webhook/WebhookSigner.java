package com.iduscore.mock.domain.webhook;

/** {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>} (CONTRACT.md D9). */
public interface WebhookSigner {
    String signature(String secret, long timestampEpochSeconds, byte[] rawBody);
}
