package com.iduscore.mock.webhook;

import com.iduscore.mock.domain.webhook.WebhookSigner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The {@code result.ready} signature (CONTRACT.md D9): {@code v1=} + lowercase hex of HMAC-SHA256 keyed with the tenant's webhook
 * secret (UTF-8) over {@code timestamp + "." + rawBody}, the body exactly as sent. Stateless and thread-safe.
 */
public final class HmacWebhookSigner implements WebhookSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION_PREFIX = "v1=";

    @Override
    public String signature(String secret, long timestampEpochSeconds, byte[] rawBody) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required to sign a delivery");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestampEpochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(rawBody);
            return VERSION_PREFIX + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
