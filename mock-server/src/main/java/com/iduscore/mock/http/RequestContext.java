package com.iduscore.mock.http;

import com.iduscore.mock.domain.Ids;

/**
 * The ids a response carries back (CONTRACT.md D10, D4): the request id echoed as {@code x-request-id} and {@code error.requestId},
 * and the correlation id echoed as {@code error.correlationId} when the request sent one.
 *
 * <p>A client's {@code x-request-id} is echoed when it is printable ASCII of at most 200 characters; otherwise a
 * fresh one is generated.
 *
 * @param correlationId the request's non-empty {@code x-correlation-id}, else {@code null}
 */
public record RequestContext(String requestId, String correlationId) {

    /** Longest client request id the mock echoes; a longer one is replaced by a fresh uuid. */
    public static final int MAX_REQUEST_ID_LENGTH = 200;

    public static RequestContext of(String requestIdHeader, String correlationIdHeader) {
        String requestId = requestIdHeader != null && !requestIdHeader.isBlank()
                && requestIdHeader.length() <= MAX_REQUEST_ID_LENGTH && visibleAscii(requestIdHeader)
                ? requestIdHeader
                : newRequestId();
        String correlationId = correlationIdHeader != null && !correlationIdHeader.isBlank() ? correlationIdHeader : null;
        return new RequestContext(requestId, correlationId);
    }

    /** Only printable ASCII is echoed in a header: other bytes would come back re-encoded, or break the response. */
    private static boolean visibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** A new request id (CONTRACT.md O11 leaves the form open; a UUID, as partners expect). */
    static String newRequestId() {
        return Ids.random().toString();
    }
}
