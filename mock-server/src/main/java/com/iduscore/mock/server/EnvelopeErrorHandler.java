package com.iduscore.mock.server;

import com.iduscore.mock.http.EdgeErrors;
import com.iduscore.mock.http.HttpReply;
import com.iduscore.mock.http.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wiremock.jakarta.servlet.RequestDispatcher;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.BadMessageException;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.http.HttpStatus;
import wiremock.org.eclipse.jetty.io.EofException;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * Jetty's error handler, replaced so every error Jetty or WireMock produces below the partner routes is the API's
 * envelope with {@code x-request-id}, never Jetty's HTML page or a class name. Two ways in:
 * <ul>
 *   <li>{@link #badMessageError}: Jetty refused the request while parsing it (bad request line, URI, header,
 *   version; oversized headers or URI), before any handler runs. No request exists yet, so the request id is fresh.
 *   <li>{@link #handle}: an error dispatch after a handler failed or called {@code sendError} (WireMock cannot
 *   decode something, the body is truncated, an unforeseen bug). The request's {@code x-request-id} is echoed.
 * </ul>
 */
final class EnvelopeErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeErrorHandler.class);

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        HttpReply reply = EdgeErrors.reply(RequestContext.of(null, null), status, reason);
        if (HttpStatus.hasNoBody(status)) {
            return ByteBuffer.allocate(0);
        }
        reply.headers().forEach(fields::put);
        return ByteBuffer.wrap(reply.body());
    }

    /** Every method gets the envelope, not only GET/POST/HEAD (Jetty's default sends unknown verbs a bare status). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            RequestContext context = RequestContext.of(safeHeader(request, "x-request-id"),
                    safeHeader(request, "x-correlation-id"));
            Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            Refusal refusal = refusalFor(response.getStatus(), null, failure, safeHeader(request, "Content-Type"));
            if (refusal.status() >= 500) {
                LOG.warn("Unhandled failure on {} {} (request id {})", request.getMethod(), request.getRequestURI(),
                        context.requestId(), failure);
            }
            write(response, EdgeErrors.reply(context, refusal.status(), refusal.reason()));
        } finally {
            baseRequest.setHandled(true);
        }
    }

    /**
     * The status and reason a failure deserves: Jetty's own for a bad message; 400 for a body the client cut short
     * or whose gzip or form encoding is broken (WireMock wraps the read failure in a RuntimeException, so Jetty alone
     * would say 500).
     */
    static Refusal refusalFor(int status, String reason, Throwable failure, String contentType) {
        if (failure instanceof IllegalArgumentException && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            // WireMock decodes a form body before any extension runs, and throws on a stray '%'
            return new Refusal(400, "Request body is not valid application/x-www-form-urlencoded");
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException bad) {
                return new Refusal(bad.getCode(), bad.getReason());
            }
            if (t instanceof EofException) {
                return new Refusal(400, "Request body ended early");
            }
            if (t instanceof ZipException) {
                return new Refusal(400, "Request body is not valid gzip");
            }
        }
        return new Refusal(status, reason);
    }

    record Refusal(int status, String reason) {
    }

    private static void write(HttpServletResponse response, HttpReply reply) throws IOException {
        response.resetBuffer();
        response.setStatus(reply.status());
        // Jetty's error dispatch may have set these for its own page
        response.setHeader("Cache-Control", null);
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.setContentLength(reply.body().length);
        OutputStream out = response.getOutputStream();
        out.write(reply.body());
        out.flush();
    }

    private static String safeHeader(HttpServletRequest request, String name) {
        try {
            return request.getHeader(name);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
