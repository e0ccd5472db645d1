package com.iduscore.mock.junit5;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One webhook request the extension's receiver got from the mock: the raw body (what the signature covers) and the
 * headers as sent, plus the status the receiver answered.
 *
 * @param path    the request path, {@code /<tenantId>}
 * @param headers header names in lower case
 */
public record WebhookDelivery(String path, Map<String, List<String>> headers, byte[] body, int answeredStatus) {

    private static final Pattern SUBMISSION_ID = Pattern.compile("\"submissionId\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern EVENT_TYPE = Pattern.compile("\"eventType\"\\s*:\\s*\"([^\"]*)\"");

    /** The first value of a header, any case; {@code null} when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The tenant the delivery was addressed to (the receiver's path). */
    public String tenantId() {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@code X-Idunox-Event} (or {@code X-IduScore-Event}). */
    public String event() {
        String header = prefixed("Event");
        return header != null ? header : field(EVENT_TYPE);
    }

    public String deliveryId() {
        return prefixed("Delivery-Id");
    }

    public String timestamp() {
        return prefixed("Timestamp");
    }

    public String signature() {
        return prefixed("Signature");
    }

    /** The body's {@code submissionId}, or {@code null}. */
    public String submissionId() {
        return field(SUBMISSION_ID);
    }

    private String prefixed(String suffix) {
        String value = header("X-Idunox-" + suffix);
        return value != null ? value : header("X-IduScore-" + suffix);
    }

    private String field(Pattern pattern) {
        Matcher matcher = pattern.matcher(bodyText());
        return matcher.find() ? matcher.group(1) : null;
    }

    /** {@code result.ready for <submissionId> (delivery <id>, answered 204)}, for messages. */
    public String summary() {
        return event() + " for " + submissionId() + " (delivery " + deliveryId() + ", answered " + answeredStatus + ")";
    }
}
