package com.iduscore.proxy.record;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One exchange that went through the proxy, as written to {@code exchanges.jsonl} (one JSON object per line) and read
 * back by {@link ExchangeRecording}. Credentials are already masked (the suite's {@code Masking}).
 *
 * @param seq             1-based order of arrival
 * @param at              ISO-8601 instant the request arrived
 * @param kind            {@code partner} (client → API) or {@code webhook} (API → partner's endpoint)
 * @param method          HTTP method
 * @param target          path and query as the client sent them ({@code /v1/jobs/…?x=1}); for a webhook, its path
 * @param operation       the documented operation ({@code GET /v1/jobs/{jobId}}, {@code webhook result.ready}) or the
 *                        route with {@code (not in the contract)}
 * @param requestHeaders  request header names (as received) to values
 * @param requestBody     the request body as UTF-8 text when it is text and within the size cap, else null
 * @param status          response status; 0 when no response came (see {@code note})
 * @param responseHeaders response header names to values
 * @param responseBody    the response body as UTF-8 text when it is JSON or text and within the cap, else null
 * @param responseBytes   how many response body bytes passed through
 * @param ms              from the request's arrival to the last response byte
 * @param violations      contract violations, one line each ({@code [request] …}, {@code [response] …}); empty when it conforms
 * @param validated       false when the exchange could not be checked in full (body over the cap, compressed, upstream error)
 * @param enforced        true when {@code --enforce} answered the request itself instead of forwarding it
 * @param note            why it was not validated in full, or the upstream error; null otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordedExchange(long seq, String at, String kind, String method, String target, String operation,
                               Map<String, List<String>> requestHeaders, String requestBody, int status,
                               Map<String, List<String>> responseHeaders, String responseBody, long responseBytes, long ms,
                               List<String> violations, boolean validated, boolean enforced, String note) {

    public RecordedExchange {
        requestHeaders = requestHeaders == null ? Map.of() : requestHeaders;
        responseHeaders = responseHeaders == null ? Map.of() : responseHeaders;
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** The first value of a response header, any case, or null. */
    public String responseHeader(String name) {
        return first(responseHeaders, name);
    }

    /** The first value of a request header, any case, or null. */
    public String requestHeader(String name) {
        return first(requestHeaders, name);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
