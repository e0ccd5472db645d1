package com.iduscore.mock.junit5;

import com.iduscore.mock.embedded.EmbeddedMock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The IduScore mock in-process for JUnit 5 tests, like WireMock's {@code WireMockExtension}. Declarative, with
 * {@link IduScoreMockTest}, or programmatic:
 *
 * <pre>{@code
 * @RegisterExtension
 * static IduScoreMockExtension iduscore = IduScoreMockExtension.newInstance()
 *         .manualClock()                // default; realClock() for wall time
 *         .tenants(Path.of("src/test/resources/tenants.json"))   // default: the demo tenants
 *         .perMethodLifecycle()         // default: one mock per class, reset before each test
 *         .validateRequests(false)      // default: true
 *         .build();
 * }</pre>
 *
 * <p>A {@code static} field gives one mock per class (unless {@code perMethodLifecycle()}); an instance field, one per
 * test method. Either way {@link IduScoreMock} parameters are resolved, and {@link #mock()} returns the handle.
 *
 * <p>After each test, every request the test's client sent is checked against the contract (the openapi module's
 * checker, inside the shaded mock); a request the contract does not allow fails the test with the request and its
 * violations. The mock's admin routes are not checked.
 *
 * <p>State lives in the {@link ExtensionContext.Store} of the class (per-class) or the test method (per-method), and
 * is closed with it; nothing is static but a once-per-JVM warm-up.
 */
public class IduScoreMockExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    private final ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(IduScoreMockExtension.class, this);
    private final Settings configured;
    /** The handle of the test running now, for {@link #mock()} on a {@code @RegisterExtension} field. */
    private volatile IduScoreMock current;

    /** For {@link IduScoreMockTest}: settings come from the annotation. */
    public IduScoreMockExtension() {
        this.configured = null;
    }

    private IduScoreMockExtension(Settings settings) {
        this.configured = settings;
    }

    public static Builder newInstance() {
        return new Builder();
    }

    /** The handle of the mock serving the current test (for {@code @RegisterExtension} users). */
    public IduScoreMock mock() {
        IduScoreMock mock = current;
        if (mock == null) {
            throw new IllegalStateException("The IduScore mock is not running: mock() is available inside a test and its lifecycle methods");
        }
        return mock;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        warmUpOnce();
        Settings settings = settings(context);
        if (!settings.perMethod()) {
            current = start(context, settings);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        warmUpOnce();
        Settings settings = settings(context);
        Running running = context.getStore(namespace).get(Running.class, Running.class);
        if (running == null || settings.perMethod()) {
            // per-method lifecycle, or an instance field (no beforeAll for those): a fresh mock for this test
            current = start(context, settings);
        } else {
            running.mock.reset();
            current = running.mock;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = context.getStore(namespace).get(Running.class, Running.class);
        if (running == null || !running.settings.validateRequests()) {
            return;
        }
        List<String> violations = running.mock.requestViolations();
        running.mock.clearExchanges();
        if (!violations.isEmpty()) {
            throw new AssertionFailedError("The client sent " + violations.size()
                    + " request(s) that the IduScore contract does not allow:\n  - " + String.join("\n  - ", violations)
                    + "\n(For a test that sends such a request on purpose: @IduScoreMockTest(validateRequests = false)"
                    + " or IduScoreMockExtension.newInstance().validateRequests(false).)");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == IduScoreMock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getStore(namespace).get(Running.class, Running.class);
        if (running == null) {
            throw new ParameterResolutionException("The IduScore mock is not running yet here (" + parameter.getDeclaringExecutable()
                    + "): under the per-method lifecycle it starts before each test, so take IduScoreMock in the test or @BeforeEach method");
        }
        return running.mock;
    }

    private IduScoreMock start(ExtensionContext context, Settings settings) {
        WebhookReceiver receiver = WebhookReceiver.start();
        EmbeddedMock embedded;
        try {
            embedded = EmbeddedMock.start(settings.manualClock(), settings.tenants(), receiver.url());
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
        IduScoreMock mock = new IduScoreMock(embedded, receiver);
        context.getStore(namespace).put(Running.class, new Running(mock, settings));
        return mock;
    }

    private Settings settings(ExtensionContext context) {
        if (configured != null) {
            return configured;
        }
        IduScoreMockTest annotation = context.getTestClass()
                .flatMap(type -> findAnnotation(type))
                .orElse(null);
        if (annotation == null) {
            return Settings.DEFAULTS;
        }
        return new Settings(annotation.clock() == IduScoreMockTest.Clock.MANUAL,
                annotation.tenants().isBlank() ? null : Path.of(annotation.tenants()),
                annotation.lifecycle() == IduScoreMockTest.Lifecycle.PER_METHOD, annotation.validateRequests());
    }

    /** On the class, a superclass, or an enclosing class of a {@code @Nested} one. */
    private static java.util.Optional<IduScoreMockTest> findAnnotation(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getEnclosingClass()) {
            var found = AnnotationSupport.findAnnotation(candidate, IduScoreMockTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    private static void warmUpOnce() {
        if (WARMED_UP.compareAndSet(false, true)) {
            EmbeddedMock.warmUpInBackground();
        }
    }

    /** How the mock runs; {@code tenants} null for the demo tenants. */
    record Settings(boolean manualClock, Path tenants, boolean perMethod, boolean validateRequests) {
        static final Settings DEFAULTS = new Settings(true, null, false, true);
    }

    /** A running mock in a store: closed when its class or method is done. */
    @SuppressWarnings("deprecation") // CloseableResource: for JUnit before 5.13, which does not close AutoCloseables
    private record Running(IduScoreMock mock, Settings settings) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            mock.close();
        }
    }

    /** Builds an {@link IduScoreMockExtension} for {@code @RegisterExtension}. */
    public static final class Builder {
        private boolean manualClock = true;
        private Path tenants;
        private boolean perMethod;
        private boolean validateRequests = true;

        private Builder() {
        }

        /** Time moves only by {@link IduScoreMock#advance} / {@link IduScoreMock#settle} (default). */
        public Builder manualClock() {
            manualClock = true;
            return this;
        }

        /** Wall time: the pipeline advances by itself (300 ms a step). */
        public Builder realClock() {
            manualClock = false;
            return this;
        }

        /** A tenants file in the mock's {@code --tenants} format, instead of the demo tenants. */
        public Builder tenants(Path tenantsFile) {
            tenants = tenantsFile;
            return this;
        }

        /** A fresh mock for each test method. */
        public Builder perMethodLifecycle() {
            perMethod = true;
            return this;
        }

        /** One mock per class, reset before each test (default for a static field). */
        public Builder perClassLifecycle() {
            perMethod = false;
            return this;
        }

        /** {@code false}: do not fail tests whose client sent requests the contract does not allow. */
        public Builder validateRequests(boolean validate) {
            validateRequests = validate;
            return this;
        }

        public IduScoreMockExtension build() {
            return new IduScoreMockExtension(new Settings(manualClock, tenants, perMethod, validateRequests));
        }
    }
}
