package com.iduscore.contract.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A curl command line that repeats a request; the headers given are already masked. */
public final class Curl {

    /** Headers curl sets itself or that only add noise. */
    private static final Set<String> SKIPPED = Set.of("accept", "content-length", "host", "connection", "user-agent",
            "accept-encoding");

    private Curl() {
    }

    public static String line(String method, String url, List<Map.Entry<String, String>> headers, String body) {
        StringBuilder curl = new StringBuilder("curl -sS -i");
        if (!"GET".equalsIgnoreCase(method) || body != null) {
            curl.append(" -X ").append(method.toUpperCase(Locale.ROOT));
        }
        curl.append(' ').append(quote(url));
        for (Map.Entry<String, String> h : headers) {
            if (!SKIPPED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                curl.append(" -H ").append(quote(h.getKey() + ": " + h.getValue()));
            }
        }
        if (body != null) {
            curl.append(" --data-raw ").append(quote(body));
        }
        return curl.toString();
    }

    /** POSIX single quotes: a quote inside becomes {@code '\''}. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
