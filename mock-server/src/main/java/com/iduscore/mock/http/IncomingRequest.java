package com.iduscore.mock.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * What the partner routes read of a request, independent of WireMock's types.
 *
 * @param path     the raw path, without the query
 * @param rawQuery the raw query string without {@code ?}, or {@code null}
 * @param headers  header lookup by case-insensitive name; {@code null} when absent
 * @param baseUrl  scheme and authority the client used ({@code http://127.0.0.1:8080}), for absolute links
 */
public record IncomingRequest(String method, String path, String rawQuery, UnaryOperator<String> headers,
                              byte[] body, String baseUrl) {

    public String header(String name) {
        return headers.apply(name);
    }

    /** The first value of a query parameter, decoded; {@code null} when absent. */
    public String queryParam(String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
