package com.iduscore.mock.domain.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code result.ready} body (CONTRACT.md D9, {@code ResultReadyWebhookEvent}): closed, every field present, in this order.
 * {@code reportId} is the first artifact's id, or the result id when the submission asked for no report file.
 */
public record ResultReadyEvent(UUID submissionId, UUID resultId, UUID reportId, String partnerSubmissionId,
                               String status, String statusLabel, Instant completedAt) {

    public static final String EVENT_TYPE = "result.ready";
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The raw bytes that are signed and sent; made once per submission so every attempt sends the same bytes. */
    public byte[] toJson(ObjectMapper json) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventType", EVENT_TYPE);
        body.put("submissionId", submissionId.toString());
        body.put("resultId", resultId.toString());
        body.put("reportId", reportId.toString());
        body.put("partnerSubmissionId", partnerSubmissionId);
        body.put("status", status);
        body.put("statusLabel", statusLabel);
        body.put("completedAt", MILLIS.format(completedAt));
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result.ready body could not be written", e);
        }
    }
}
