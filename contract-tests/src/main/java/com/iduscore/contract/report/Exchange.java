package com.iduscore.contract.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its response as a check made it, already masked, with a curl line that repeats it.
 *
 * @param status the response status, or 0 when no response came (transport error; see {@code responseBody})
 */
public record Exchange(Instant at, String method, String url, List<Map.Entry<String, String>> requestHeaders,
                       String requestBody, int status, List<Map.Entry<String, String>> responseHeaders,
                       String responseBody, long millis, String curl) {
}
