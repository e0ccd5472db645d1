package com.iduscore.mock.http;

import com.iduscore.mock.domain.error.ApiException;
import com.iduscore.mock.domain.error.RefusalReason;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The envelope for refusals made below the partner routes: by Jetty before WireMock sees the request (bad request
 * line, URI, header or version; headers or URI too large) and by WireMock or Jetty while reading it (bad query
 * encoding, truncated body). One status-to-code table for these, within the codes the contract lists
 * ({@code CONTRACT.md D4}); the message is ours, with Jetty's reason appended only when it is short plain text.
 */
public final class EdgeErrors {

    /** A class name ({@code java.lang.Foo}, {@code org.eclipse...}) never reaches a client. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]|Exception|\\bat [a-z]");
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,:;=()'/_+-]{1,80}");

    private EdgeErrors() {
    }

    /**
     * The full reply, envelope plus {@code x-request-id} and the CORS read headers, for {@code status} with Jetty's
     * {@code reason} (may be null). A status outside 400..599 is treated as 400.
     */
    public static HttpReply reply(RequestContext context, int status, String reason) {
        int code = status >= 400 && status <= 599 ? status : 400;
        String detail = plain(reason);
        HttpReply reply = switch (code) {
            case 404 -> ErrorReplies.of(context, new ApiException(RefusalReason.NOT_FOUND, "Route not found"));
            case 405 -> ErrorReplies.of(context, new ApiException(RefusalReason.METHOD_NOT_ALLOWED, "Method not allowed"));
            case 413 -> ErrorReplies.of(context, new ApiException(RefusalReason.PAYLOAD_TOO_LARGE, "Request body exceeds the 1 MiB limit"));
            case 414 -> invalid(context, 414, "Request URI is too long");
            case 415 -> ErrorReplies.of(context, new ApiException(RefusalReason.UNSUPPORTED_MEDIA_TYPE, "Content-Type application/json is required"));
            case 426 -> invalid(context, 426, "HTTP/2 is served only after an upgrade; send HTTP/1.1");
            case 431 -> invalid(context, 431, "Request header fields are too large");
            case 505 -> invalid(context, 505, "HTTP version not supported; send HTTP/1.1");
            default -> code >= 500
                    ? ErrorReplies.internalError(context)
                    : invalid(context, code, detail == null ? "Malformed HTTP request" : "Malformed HTTP request: " + detail);
        };
        reply.header("x-request-id", context.requestId());
        return Cors.exposeTo(reply);
    }

    /** A 400 for a query string whose percent-encoding is broken ({@code ?%zz}), which WireMock cannot decode. */
    public static HttpReply badQueryEncoding(RequestContext context) {
        HttpReply reply = invalid(context, 400, "Malformed percent-encoding in the query string");
        reply.header("x-request-id", context.requestId());
        return Cors.exposeTo(reply);
    }

    /** A 405 for {@code CONNECT}: the mock is not a proxy. */
    public static HttpReply connectRefused(RequestContext context) {
        HttpReply reply = ErrorReplies.of(context, new ApiException(RefusalReason.METHOD_NOT_ALLOWED, "CONNECT is not allowed: the mock is not a proxy"));
        reply.header("x-request-id", context.requestId());
        return Cors.exposeTo(reply);
    }

    /** True when every {@code %} in {@code raw} starts a two-hex-digit escape. */
    public static boolean wellEncoded(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static HttpReply invalid(RequestContext context, int status, String message) {
        // the status is the HTTP layer's (414, 431, 505 ...); the code is the contract's for a request it cannot read
        return ErrorReplies.of(context, status, RefusalReason.VALIDATION_ERROR.name(), message,
                ErrorReplies.flatten(List.of(message), Map.of()));
    }

    /** Jetty's reason when it adds something ("Illegal character CNTL=0x1", "No Host"), else null. */
    static String plain(String reason) {
        if (reason == null || !PLAIN_REASON.matcher(reason).matches() || CLASS_NAME.matcher(reason).find()) {
            return null;
        }
        return switch (reason) {
            case "Bad Request", "Bad Message", "Bad Message 400" -> null;
            default -> reason;
        };
    }
}
