package com.iduscore.mock.server;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.handler.StatisticsHandler;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's Jetty 11 server, taken over through WireMock's one extension point for it ({@code httpServerFactory}):
 * <ul>
 *   <li>the API's envelope on every error Jetty makes itself ({@link EnvelopeErrorHandler}, on the server for refusals
 *       before any handler and on both servlet contexts for errors inside them), and a guard in front for what
 *       WireMock cannot serve ({@link EdgeGuard});</li>
 *   <li>a graceful stop: Jetty waits for requests in flight (up to the stop timeout) only when a
 *       {@link StatisticsHandler} counts them, and WireMock adds none (and its stop closes every connection first), so
 *       without this a SIGTERM would cut a request being answered.</li>
 * </ul>
 *
 * <p>The super constructor calls the overridden hooks, before this class's fields would be set: hence no fields.
 */
final class IduScoreJettyServer extends Jetty11HttpServer {

    /** How long a stop waits for requests in flight; SIGTERM then stops within 2 s. */
    static final long STOP_GRACE_MILLIS = 1_500;

    IduScoreJettyServer(Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler) {
        super(options, adminRequestHandler, stubRequestHandler);
    }

    /** The factory to hand {@code WireMockConfiguration.httpServerFactory}. */
    static HttpServerFactory factory() {
        return new HttpServerFactory() {
            @Override
            public String getName() {
                return "iduscore-jetty";
            }

            @Override
            public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
                return new IduScoreJettyServer(options, admin, stubs);
            }
        };
    }

    @Override
    protected Handler createHandler(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        StatisticsHandler inFlight = new StatisticsHandler();
        inFlight.setHandler(super.createHandler(options, admin, stubs));
        return inFlight;
    }

    /** As WireMock's, without first closing every open connection (which cuts requests in flight). */
    @Override
    public void stop() {
        if (scheduledExecutorService != null) {
            scheduledExecutorService.shutdown();
        }
        try {
            jettyServer.stop();
            jettyServer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly: " + e.getMessage(), e);
        }
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
