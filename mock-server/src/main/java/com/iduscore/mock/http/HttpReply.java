package com.iduscore.mock.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response as the adapter builds it, before it becomes a WireMock {@code ResponseDefinition}: status, headers in
 * insertion order, and the exact body bytes.
 */
public final class HttpReply {
    private static final byte[] NO_BODY = new byte[0];

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    private HttpReply(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    /** {@code status} with {@code value} serialised by {@link ApiJson}. */
    public static HttpReply json(int status, Object value) {
        return jsonBytes(status, ApiJson.bytes(value));
    }

    public static HttpReply jsonBytes(int status, byte[] json) {
        return bytes(status, "application/json", json);
    }

    public static HttpReply bytes(int status, String contentType, byte[] content) {
        return new HttpReply(status, content).header("Content-Type", contentType);
    }

    public static HttpReply text(int status, String contentType, String content) {
        return bytes(status, contentType, content.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpReply empty(int status) {
        return new HttpReply(status, NO_BODY);
    }

    /** Sets (or replaces) a header; returns this reply. */
    public HttpReply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public boolean hasBody() {
        return body.length > 0;
    }
}
