package com.iduscore.mock.server;

import com.iduscore.mock.http.EdgeErrors;
import com.iduscore.mock.http.HttpReply;
import com.iduscore.mock.http.RequestContext;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.AbstractHandler;

import java.io.IOException;

/**
 * First Jetty handler: answers 400 for a query string with a broken percent-escape ({@code ?%zz}). Jetty passes such
 * a query through, and WireMock's request log would fail on it with an {@code IllegalArgumentException} before any
 * extension runs; the request is marked handled, so WireMock's contexts skip it.
 */
final class QueryEncodingGuard extends AbstractHandler {

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (EdgeErrors.wellEncoded(request.getQueryString())) {
            return;
        }
        baseRequest.setHandled(true);
        HttpReply reply = EdgeErrors.badQueryEncoding(RequestContext.of(request.getHeader("x-request-id"),
                request.getHeader("x-correlation-id")));
        response.setStatus(reply.status());
        reply.headers().forEach(response::setHeader);
        response.setContentLength(reply.body().length);
        response.getOutputStream().write(reply.body());
    }
}
