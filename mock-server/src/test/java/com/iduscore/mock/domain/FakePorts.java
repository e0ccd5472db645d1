package com.iduscore.mock.domain;

import com.iduscore.mock.domain.artifact.ArtifactKind;
import com.iduscore.mock.domain.artifact.ArtifactRenderer;
import com.iduscore.mock.domain.artifact.ArtifactUrlSigner;
import com.iduscore.mock.domain.artifact.ReportContent;
import com.iduscore.mock.domain.webhook.WebhookSigner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Small real implementations of the signing and rendering ports, for domain tests. */
final class FakePorts {
    private FakePorts() {
    }

    static String hmacHex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class HmacWebhookSigner implements WebhookSigner {
        @Override
        public String signature(String secret, long timestampEpochSeconds, byte[] rawBody) {
            byte[] prefix = (timestampEpochSeconds + ".").getBytes(StandardCharsets.UTF_8);
            byte[] data = new byte[prefix.length + rawBody.length];
            System.arraycopy(prefix, 0, data, 0, prefix.length);
            System.arraycopy(rawBody, 0, data, prefix.length, rawBody.length);
            return "v1=" + hmacHex(secret, data);
        }
    }

    static final class HmacUrlSigner implements ArtifactUrlSigner {
        private static final String KEY = "test-artifact-key";

        @Override
        public String sign(UUID artifactId, long expiresEpochSeconds) {
            return hmacHex(KEY, (artifactId + "\n" + expiresEpochSeconds).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean verify(UUID artifactId, long expiresEpochSeconds, String signature) {
            return MessageDigest.isEqual(sign(artifactId, expiresEpochSeconds).getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Renders "<kind>:<resultId>:<first outcome>" and counts how often it was asked. */
    static final class CountingRenderer implements ArtifactRenderer {
        final AtomicInteger renders = new AtomicInteger();

        @Override
        public byte[] render(ArtifactKind kind, ReportContent content) {
            renders.incrementAndGet();
            return (kind.slug() + ":" + content.resultId() + ":" + content.outcomes().get(0).outcomeId())
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
