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
 * First Jetty handler: refuses, in the envelope, what Jetty lets through but WireMock cannot serve.
 * <ul>
 *   <li>{@code CONNECT}: no servlet context takes it, so Jetty would answer {@code 200} and hold the connection open
 *   as a tunnel; the mock is no proxy, so 405.
 *   <li>A query string with a broken percent-escape ({@code ?%zz}): WireMock's request log fails on it with an
 *   {@code IllegalArgumentException} before any extension runs; 400.
 * </ul>
 * The request is then marked handled, so WireMock's contexts skip it.
 */
final class EdgeGuard extends AbstractHandler {

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean connect = "CONNECT".equalsIgnoreCase(request.getMethod());
        if (!connect && EdgeErrors.wellEncoded(request.getQueryString())) {
            return;
        }
        baseRequest.setHandled(true);
        RequestContext context = RequestContext.of(request.getHeader("x-request-id"), request.getHeader("x-correlation-id"));
        HttpReply reply = connect ? EdgeErrors.connectRefused(context) : EdgeErrors.badQueryEncoding(context);
        response.setStatus(reply.status());
        reply.headers().forEach(response::setHeader);
        if (connect) {
            // a refused tunnel is not reused
            response.setHeader("Connection", "close");
        }
        response.setContentLength(reply.body().length);
        response.getOutputStream().write(reply.body());
    }
}
