package com.iduscore.mock.http;

import java.util.UUID;

/**
 * The ids a response carries back (D10, D4): the request id echoed as {@code x-request-id} and {@code error.requestId},
 * and the correlation id echoed as {@code error.correlationId} when the request sent one.
 *
 * @param correlationId the request's non-empty {@code x-correlation-id}, else {@code null}
 */
public record RequestContext(String requestId, String correlationId) {

    /** Longest client request id the mock echoes; a longer one is replaced by a fresh uuid. */
    public static final int MAX_REQUEST_ID_LENGTH = 200;

    public static RequestContext of(String requestIdHeader, String correlationIdHeader) {
        String requestId = requestIdHeader != null && !requestIdHeader.isBlank()
                && requestIdHeader.length() <= MAX_REQUEST_ID_LENGTH
                ? requestIdHeader
                : UUID.randomUUID().toString();
        String correlationId = correlationIdHeader != null && !correlationIdHeader.isBlank() ? correlationIdHeader : null;
        return new RequestContext(requestId, correlationId);
    }
}
