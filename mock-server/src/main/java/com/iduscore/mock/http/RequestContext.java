package com.iduscore.mock.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: a request id needs to be unique, not unguessable, and
     * {@link UUID#randomUUID()}'s shared SecureRandom would serialise every request thread under load.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
