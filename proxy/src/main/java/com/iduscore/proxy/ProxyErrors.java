package com.iduscore.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The answers the proxy makes itself, always the API's error envelope
 * {@code {"error":{"code","message","requestId","details"?}}} with {@code requestId} equal to the {@code x-request-id}
 * header (CONTRACT.md D4): a request refused by {@code --enforce} (400 {@code VALIDATION_ERROR}, Zod-flatten details),
 * an unreachable upstream (502) and an upstream that did not answer in time (504).
 */
final class ProxyErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One envelope and the request id it carries. */
    record Answer(int status, String requestId, byte[] body) {
    }

    private ProxyErrors() {
    }

    static Answer validation(List<String> violations) {
        ObjectNode details = JSON.createObjectNode();
        ArrayNode form = details.putArray("formErrors");
        violations.forEach(form::add);
        details.putObject("fieldErrors");
        return envelope(400, "VALIDATION_ERROR", "The request does not conform to the IduScore Partner API contract", details);
    }

    static Answer badGateway(String why) {
        return envelope(502, "BAD_GATEWAY", "The validating proxy could not reach the upstream: " + why, null);
    }

    static Answer gatewayTimeout(String why) {
        return envelope(504, "GATEWAY_TIMEOUT", "The upstream did not answer in time: " + why, null);
    }

    private static Answer envelope(int status, String code, String message, ObjectNode details) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code).put("message", message).put("requestId", requestId);
        if (details != null) {
            error.set("details", details);
        }
        return new Answer(status, requestId, root.toString().getBytes(StandardCharsets.UTF_8));
    }
}
