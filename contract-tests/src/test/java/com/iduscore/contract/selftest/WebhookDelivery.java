package com.iduscore.contract.selftest;

import com.fasterxml.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code result.ready} delivery attempt the mock sent to the proxy's relay, on its way to the suite's inbox.
 * Immutable; the {@code with…} methods return changed copies.
 */
public record WebhookDelivery(Map<String, List<String>> headers, byte[] body) {

    public WebhookDelivery {
        headers = HttpHeaders.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        return HttpHeaders.first(headers, name);
    }

    /** The body's {@code submissionId}, or empty. */
    public Optional<String> submissionId() {
        try {
            JsonNode id = ProxiedResponse.JSON.readTree(body).path("submissionId");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public WebhookDelivery withHeader(String name, String value) {
        return new WebhookDelivery(HttpHeaders.with(headers, name, value), body);
    }

    public WebhookDelivery withoutHeader(String name) {
        return new WebhookDelivery(HttpHeaders.without(headers, name), body);
    }

    public WebhookDelivery withBody(byte[] newBody) {
        return new WebhookDelivery(headers, newBody);
    }

    /** {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, the CONTRACT.md D9 signature of this body at {@code timestamp}. */
    public String signature(String secret, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
