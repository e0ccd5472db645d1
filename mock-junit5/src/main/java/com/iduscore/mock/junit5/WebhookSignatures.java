package com.iduscore.mock.junit5;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The webhook signature scheme: {@code v1=} + hex HMAC-SHA256(secret, timestamp + "." + raw body). Computed here from
 * the contract (CONTRACT.md D9.3), not with the mock's own signer, so an assertion on the mock's deliveries checks it.
 */
public final class WebhookSignatures {
    private WebhookSignatures() {
    }

    /** The {@code X-Idunox-Signature} value the mock sends for this timestamp and body. */
    public static String expected(String secret, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
