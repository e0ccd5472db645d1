package com.iduscore.mock.http;

import com.iduscore.mock.server.ClockMode;
import com.iduscore.mock.server.IduScoreMockServer;
import com.iduscore.mock.server.MockServerConfig;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one in-process mock per test class, on a free port with a manual clock, and points REST Assured at it.
 *
 * <p>Lifecycle and ordering: {@code beforeAll} starts the mock (kept in the class's {@link ExtensionContext.Store},
 * so JUnit stops it after the class) and registers the OpenAPI validation filter once for the whole run;
 * {@code beforeEach} points REST Assured at this class's mock and resets it through the admin API (state, faults,
 * rate-limit windows), so every test starts from an empty mock. Tests get the server as a parameter.
 */
public final class RunningMock implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningMock.class);
    private static final String SERVER = "server";

    @Override
    public void beforeAll(ExtensionContext context) {
        ContractValidation.registerOnce();
        context.getStore(NAMESPACE).put(SERVER, new Stoppable(IduScoreMockServer.start(
                MockServerConfig.defaults().withPort(0).withClock(ClockMode.MANUAL))));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        IduScoreMockServer server = server(context);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = server.port();
        Admin.reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == IduScoreMockServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return server(extension);
    }

    /** The class's mock; a method context finds it in its parent's store. */
    private static IduScoreMockServer server(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(SERVER, Stoppable.class).server();
    }

    /** Stops the mock when JUnit closes the class's store. */
    private record Stoppable(IduScoreMockServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.stop();
        }
    }
}
