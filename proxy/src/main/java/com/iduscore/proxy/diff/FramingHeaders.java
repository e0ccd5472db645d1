package com.iduscore.proxy.diff;

import java.util.Set;

/**
 * Response headers every server sets its own way (framing, dates, the server's name): their presence says nothing
 * about the API, so the diff and the shape check leave them out (CONTRACT.md O5, O9).
 */
public final class FramingHeaders {

    public static final Set<String> NAMES = Set.of("date", "content-length", "transfer-encoding", "connection", "keep-alive",
            "server", "vary", "via", "matched-stub-id", "alt-svc", "strict-transport-security");

    private FramingHeaders() {
    }
}
