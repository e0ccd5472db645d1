package com.iduscore.mock.server;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's Jetty 11 server with the API's envelope on every error it makes itself ({@link EnvelopeErrorHandler},
 * on the server for refusals before any handler and on both servlet contexts for errors inside them) and a guard
 * in front for what WireMock cannot serve ({@link EdgeGuard}).
 *
 * <p>The super constructor calls the overridden hooks, before this class's fields would be set: hence no fields.
 */
final class EnvelopeJettyServer extends Jetty11HttpServer {

    EnvelopeJettyServer(Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler) {
        super(options, adminRequestHandler, stubRequestHandler);
    }

    /** The factory to hand {@code WireMockConfiguration.httpServerFactory}. */
    static HttpServerFactory factory() {
        return new HttpServerFactory() {
            @Override
            public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
                return new EnvelopeJettyServer(options, admin, stubs);
            }
        };
    }

    @Override
    protected void applyAdditionalServerConfiguration(Server server, Options options) {
        super.applyAdditionalServerConfiguration(server, options);
        server.setErrorHandler(new EnvelopeErrorHandler());
    }

    @Override
    public Handler[] extensionHandlers() {
        return new Handler[]{new EdgeGuard()};
    }

    @Override
    protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        // replaces WireMock's NotFoundHandler, whose 404 page is WireMock's "request not matched" (never wanted here)
        context.setErrorHandler(new EnvelopeErrorHandler());
    }

    @Override
    protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        context.setErrorHandler(new EnvelopeErrorHandler());
    }
}
