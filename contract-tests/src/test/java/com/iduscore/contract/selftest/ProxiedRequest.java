package com.iduscore.contract.selftest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A partner request as the {@link DeviationProxy} received it: method, raw path and query, headers (looked up
 * case-insensitively) and body bytes. Immutable; the {@code with…} methods return changed copies.
 */
public record ProxiedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public ProxiedRequest {
        headers = HttpHeaders.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return HttpHeaders.first(headers, name);
    }

    /** The API key the request carries as {@code X-Api-Key} or as a Bearer token. */
    public Optional<String> apiKey() {
        Optional<String> key = header("X-Api-Key").filter(k -> !k.isBlank());
        if (key.isPresent()) {
            return key;
        }
        return header("Authorization").filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).map(a -> a.substring(7).trim());
    }

    /** {@code path?query}, as the client asked for it. */
    public String target() {
        return rawQuery == null ? path : path + "?" + rawQuery;
    }

    public boolean is(String method, String pathPrefix) {
        return this.method.equalsIgnoreCase(method) && path.startsWith(pathPrefix);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The same request with another body (the same instance when the text is unchanged). */
    public ProxiedRequest withBody(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.equals(bytes, body) ? this : new ProxiedRequest(method, path, rawQuery, headers, bytes);
    }

    public ProxiedRequest withHeader(String name, String value) {
        return new ProxiedRequest(method, path, rawQuery, HttpHeaders.with(headers, name, value), body);
    }

    /** The same request under another credential: {@code X-Api-Key} replaced and any {@code Authorization} dropped. */
    public ProxiedRequest as(String apiKey) {
        return new ProxiedRequest(method, path, rawQuery,
                HttpHeaders.with(HttpHeaders.without(headers, "Authorization"), "X-Api-Key", apiKey), body);
    }

    @Override
    public String toString() {
        return method + " " + target();
    }
}
