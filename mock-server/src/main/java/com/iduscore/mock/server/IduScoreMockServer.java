package com.iduscore.mock.server;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.iduscore.mock.admin.BearerTokenAuthenticator;
import com.iduscore.mock.admin.IduScoreAdminApi;
import com.iduscore.mock.domain.MockControl;
import com.iduscore.mock.domain.PartnerApi;
import com.iduscore.mock.http.Faults;
import com.iduscore.mock.http.PartnerApiFilter;
import com.iduscore.mock.http.PartnerRoutes;
import com.iduscore.mock.http.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.iduscore.mock.domain.view.DeliveryView;
import com.iduscore.mock.domain.view.SettleReport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The IduScore mock: the domain service behind WireMock, which serves the partner API through a request filter and
 * the mock's admin API as an admin extension. No request journal, no stub-mapping files, no WireMock noise at INFO.
 *
 * <pre>{@code
 * try (IduScoreMockServer mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0).withClock(ClockMode.MANUAL))) {
 *     String base = mock.baseUrl();          // http://127.0.0.1:54321
 *     mock.control().advanceClock(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Lifecycle: {@link #start} returns once the port is listening; {@link #stop} (or {@link #close}) stops WireMock
 * first, so no request reaches a closing domain, then closes the domain, which flushes the state file.
 */
public final class IduScoreMockServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IduScoreMockServer.class);

    /** Jetty threads, sized for ~64 concurrent partner connections (the benchmark gives plain WireMock the same). */
    static final int CONTAINER_THREADS = 64;

    private final MockServerConfig config;
    private final WireMockServer wireMock;
    private final Backend backend;
    private final Faults faults;
    private final RateLimiter rateLimiter;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private IduScoreMockServer(MockServerConfig config, WireMockServer wireMock, Backend backend, Faults faults,
                               RateLimiter rateLimiter) {
        this.config = config;
        this.wireMock = wireMock;
        this.backend = backend;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Builds the domain from {@code config}, starts it and serves it; returns once listening. The domain is built on
     * a second thread while WireMock starts on this one; what only some requests need is built after the first
     * answer ({@link WarmUpAfterFirstRequest}).
     *
     * @throws com.iduscore.mock.config.InvalidConfigException when the built-in tenants cannot be read
     * @throws IllegalArgumentException                         when the state file or the tenants cannot be used
     * @throws RuntimeException                                 WireMock's, when the port cannot be bound
     */
    public static IduScoreMockServer start(MockServerConfig config) {
        CompletableFuture<Backend> backend = new CompletableFuture<>();
        Thread.ofPlatform().name("iduscore-mock-assembly").daemon(true).start(() -> {
            Backend assembled;
            try {
                assembled = DomainAssembly.assemble(config);
            } catch (Throwable failure) {
                backend.completeExceptionally(failure);
                return;
            }
            backend.complete(assembled);
        });
        return serve(config, backend);
    }

    /** Serves an already started backend (tests hand in fakes here). The backend is closed if serving fails. */
    static IduScoreMockServer start(MockServerConfig config, Backend backend) {
        return serve(config, CompletableFuture.completedFuture(backend));
    }

    private static IduScoreMockServer serve(MockServerConfig config, CompletableFuture<Backend> pending) {
        Faults faults = new Faults();
        RateLimiter rateLimiter = new RateLimiter();
        Lazy<PartnerRoutes> routes = Lazy.of(() -> {
            Backend backend = await(pending);
            return new PartnerRoutes(backend.api(), backend.validator(), backend.openApi(), faults, rateLimiter,
                    backend.control()::now);
        });
        Supplier<MockControl> control = () -> await(pending).control();
        WireMockServer wireMock;
        try {
            PartnerApiFilter partnerApi = new PartnerApiFilter(routes, faults);
            wireMock = new WireMockServer(options(config,
                    new WarmUpAfterFirstRequest(partnerApi, () -> warmUp(await(pending))),
                    new IduScoreAdminApi(control, faults, rateLimiter, config.adminToken() == null ? null
                            : new BearerTokenAuthenticator(config.adminToken()))));
            wireMock.start();
        } catch (RuntimeException failure) {
            // the backend may still be on its way: close it whenever it arrives
            pending.thenAccept(backend -> closeQuietly(backend.onStop()));
            throw failure;
        }
        Backend backend;
        try {
            backend = await(pending);
        } catch (RuntimeException failure) {
            wireMock.stop();
            throw failure;
        }
        return new IduScoreMockServer(config, wireMock, backend, faults, rateLimiter);
    }

    private static WireMockConfiguration options(MockServerConfig config, StubRequestFilterV2 partnerApi,
                                                 IduScoreAdminApi adminApi) {
        WireMockConfiguration options = WireMockConfiguration.options()
                .port(config.port())
                .bindAddress(config.bindAddress())
                .containerThreads(CONTAINER_THREADS)
                // a stop lets requests in flight finish first (SIGTERM: within 2 s)
                .jettyStopTimeout(IduScoreJettyServer.STOP_GRACE_MILLIS)
                .disableRequestJournal()
                .mappingSource(new NoMappings())
                .notifier(new QuietNotifier())
                .stubRequestLoggingDisabled(true)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                .templatingEnabled(false)
                .httpClientFactory(new NoProxying())
                .httpServerFactory(IduScoreJettyServer.factory())
                .extensionScanningEnabled(false)
                .extensions(partnerApi, adminApi);
        if (config.adminToken() != null) {
            options.adminAuthenticator(new BearerTokenAuthenticator(config.adminToken()));
        }
        return options;
    }

    /** The backend, or the failure that stopped it being built, as thrown there. */
    private static Backend await(CompletableFuture<Backend> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static void warmUp(Backend backend) {
        try {
            backend.warmUp().run();
        } catch (RuntimeException e) {
            // the first request that needs the part will build it, and report the problem, itself
            LOG.debug("Warm-up failed: {}", e.toString());
        }
    }

    /**
     * Starts loading WireMock's JSON and Jetty classes on a background thread, for a caller that has other work to
     * do before {@link #start} (the CLI parses its options meanwhile). Only class loading: nothing is started.
     */
    public static void preloadInBackground() {
        Thread.ofPlatform().name("iduscore-mock-preload").daemon(true).start(() -> {
            try {
                com.github.tomakehurst.wiremock.common.Json.getObjectMapper();
                ClassLoader loader = IduScoreMockServer.class.getClassLoader();
                Class.forName("wiremock.org.eclipse.jetty.server.Server", true, loader);
                Class.forName("wiremock.org.eclipse.jetty.servlet.ServletContextHandler", true, loader);
                Class.forName("com.github.tomakehurst.wiremock.core.WireMockApp", true, loader);
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                LOG.debug("Preloading skipped: {}", e.toString());
            }
        });
    }

    public int port() {
        return wireMock.port();
    }

    /** {@code http://<bind address>:<port>}; a wildcard bind address is reached through {@code 127.0.0.1}. */
    public String baseUrl() {
        return "http://" + reachableHost(config.bindAddress()) + ":" + port();
    }

    public PartnerApi api() {
        return backend.api();
    }

    public MockControl control() {
        return backend.control();
    }

    /** The WireMock server underneath, for in-process embedding (the JUnit extension listens to its requests). */
    public WireMockServer wireMock() {
        return wireMock;
    }

    // ---- the admin API's operations, in-process (what a JUnit extension calls instead of HTTP) ----------------------

    /** As {@code POST /__admin/iduscore/clock/advance}: moves the clock (either mode) and runs what falls due. */
    public Instant advance(Duration by) {
        return backend.control().advance(by);
    }

    /** As {@code POST /__admin/iduscore/clock/settle}: runs time until nothing is left open. */
    public SettleReport settle() {
        return backend.control().settle();
    }

    /** As {@code GET /__admin/iduscore/webhook-deliveries}. */
    public List<DeliveryView> deliveries() {
        return backend.control().deliveries();
    }

    /** As {@code POST /__admin/iduscore/reset}: state, faults and rate-limit windows. */
    public void reset() {
        backend.control().reset();
        faults.reset();
        rateLimiter.reset();
    }

    /** The fault switches of {@code /__admin/iduscore/faults}; {@code faults().set(...)} applies to the next request. */
    public Faults faults() {
        return faults;
    }

    public MockServerConfig config() {
        return config;
    }

    /** The tenant ids served, in the tenants file's order. */
    public List<String> tenantIds() {
        return backend.tenantIds();
    }

    /** Stops serving, then closes the domain (flushing the state file). Safe to call more than once. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            wireMock.stop();
        } finally {
            closeQuietly(backend.onStop());
        }
    }

    @Override
    public void close() {
        stop();
    }

    static String reachableHost(String bindAddress) {
        return switch (bindAddress) {
            case "0.0.0.0", "::", "[::]", "*" -> "127.0.0.1";
            default -> bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]" : bindAddress;
        };
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing the mock's domain failed: {}", e.toString());
        }
    }
}
