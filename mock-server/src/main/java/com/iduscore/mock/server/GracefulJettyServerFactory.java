package com.iduscore.mock.server;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.handler.StatisticsHandler;

/**
 * WireMock's Jetty with a graceful stop: Jetty waits for requests in flight (up to the stop timeout) only when a
 * {@link StatisticsHandler} counts them, and WireMock adds none (and its stop closes every connection first). So a
 * SIGTERM lets a request being answered finish instead of cutting its connection.
 */
final class GracefulJettyServerFactory implements HttpServerFactory {
    /** How long a stop waits for requests in flight; SIGTERM then stops within 2 s. */
    static final long STOP_GRACE_MILLIS = 1_500;

    @Override
    public String getName() {
        return "iduscore-graceful-jetty";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
                                      StubRequestHandler stubRequestHandler) {
        return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
            @Override
            protected Handler createHandler(Options o, AdminRequestHandler admin, StubRequestHandler stubs) {
                StatisticsHandler inFlight = new StatisticsHandler();
                inFlight.setHandler(super.createHandler(o, admin, stubs));
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
        };
    }
}
