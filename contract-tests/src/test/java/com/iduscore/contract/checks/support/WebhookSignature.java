package com.iduscore.contract.checks.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The receiver's side of the {@code result.ready} signature (CONTRACT.md D9): {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>},
 * computed here independently of the server so that a check can say whether a delivery is authentic.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** {@code v1=} and the lower-case hex HMAC-SHA256 of {@code timestamp + "." + rawBody} under {@code secret}. */
    public static String expected(String secret, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(rawBody);
            return "v1=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** Constant-time comparison, as a receiver should do it. */
    public static boolean matches(String secret, String timestamp, byte[] rawBody, String signatureHeader) {
        if (signatureHeader == null) {
            return false;
        }
        return MessageDigest.isEqual(expected(secret, timestamp, rawBody).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }
}
