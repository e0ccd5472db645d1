package com.iduscore.mock.http;

/** The CORS headers of CONTRACT.md D10: on every partner response, and in full on an {@code OPTIONS} preflight. */
final class Cors {
    static final String ALLOW_ORIGIN = "*";
    static final String ALLOW_METHODS = "GET, POST, OPTIONS";
    static final String ALLOW_HEADERS =
            "Authorization, X-Api-Key, Content-Type, Idempotency-Key, x-correlation-id, x-request-id";
    static final String EXPOSE_HEADERS = "x-request-id, Idempotent-Replayed, Retry-After";
    static final String MAX_AGE_SECONDS = "600";

    private Cors() {
    }

    /** Adds the headers every response carries, so a browser may read it. */
    static HttpReply exposeTo(HttpReply reply) {
        return reply.header("Access-Control-Allow-Origin", ALLOW_ORIGIN)
                .header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }

    /** 204 answer to a preflight; needs no API key. */
    static HttpReply preflight() {
        return HttpReply.empty(204)
                .header("Access-Control-Allow-Methods", ALLOW_METHODS)
                .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
                .header("Access-Control-Max-Age", MAX_AGE_SECONDS);
    }
}
