package com.iduscore.mock.embedded;

import java.util.List;
import java.util.Map;

/**
 * One request the embedded mock served, and its answer, in JDK types only (nothing relocated leaks out).
 *
 * @param url the request target as sent: path plus query, e.g. {@code /v1/jobs/…?x=1}
 */
public record Exchange(String method, String url, Map<String, List<String>> requestHeaders, byte[] requestBody,
                       int status, Map<String, List<String>> responseHeaders, byte[] responseBody) {

    /** {@code POST /v1/submissions → 202}, for messages. */
    public String summary() {
        return method + " " + url + " → " + status;
    }
}
