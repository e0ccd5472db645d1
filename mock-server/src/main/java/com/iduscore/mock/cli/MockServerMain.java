package com.iduscore.mock.cli;

import com.iduscore.mock.config.InvalidConfigException;
import com.iduscore.mock.config.TenantsFile;
import com.iduscore.mock.domain.DomainSettings;
import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.server.ClockMode;
import com.iduscore.mock.server.IduScoreMockServer;
import com.iduscore.mock.server.MockServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code java -jar iduscore-mock-server.jar [options]}: runs the IduScore mock until SIGTERM or Ctrl-C.
 *
 * <p>On start it prints exactly one line to stdout, {@code IduScore mock listening on http://127.0.0.1:PORT (tenants:
 * …; clock: real)}; logs go to stderr. A bad option, value, tenants file or state file prints one message on stderr
 * and exits 2, without a stack trace. A stop closes the domain, which flushes the state file.
 */
@Command(name = "iduscore-mock",
        mixinStandardHelpOptions = true,
        versionProvider = MockServerMain.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Stateful mock of the IduScore Partner API (submissions, jobs, results, artifacts, webhooks).",
        footer = {"", "Admin API under /__admin/iduscore/ (reset, clock, webhook-deliveries, state, faults); see README."})
public final class MockServerMain implements Callable<Integer> {

    /** Exit code for a bad option, value or file. */
    static final int EXIT_USAGE = 2;
    /** Exit code for a failure the user cannot fix by changing the command. */
    static final int EXIT_FAILURE = 1;

    private static final Pattern HEADER_TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = MockServerConfig.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 in a container).")
    String bind = MockServerConfig.DEFAULT_BIND_ADDRESS;

    @Option(names = "--tenants", paramLabel = "FILE",
            description = "Tenants file {\"tenants\":[...]} (default: the built-in demo tenants demo-a, demo-b, demo-inactive).")
    Path tenantsFile;

    @Option(names = "--clock", paramLabel = "real|manual", converter = ClockModeConverter.class,
            description = "real: the pipeline advances by itself; manual: only POST /__admin/iduscore/clock/advance moves time (default: real).")
    ClockMode clock = ClockMode.REAL;

    @Option(names = "--step-duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time one pipeline step takes, e.g. 300ms, 2s, PT1S (default: 300ms).")
    Duration stepDuration = DomainSettings.DEFAULT_STEP_DURATION;

    @Option(names = "--sla", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A job's SLA, e.g. 15m, 1h, PT15M (default: 15m).")
    Duration sla = DomainSettings.DEFAULT_SLA;

    @Option(names = "--state-file", paramLabel = "FILE",
            description = "Keep state across restarts in this JSON file (read on start, written atomically after changes and on stop).")
    Path stateFile;

    @Option(names = "--webhook-header-prefix", paramLabel = "PREFIX",
            description = "Prefix of the webhook signature headers: X-Idunox- or X-IduScore- (default: ${DEFAULT-VALUE}).")
    String webhookHeaderPrefix = DomainSettings.DEFAULT_WEBHOOK_HEADER_PREFIX;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Require Authorization: Bearer TOKEN on every /__admin route.")
    String adminToken;

    @Option(names = "--max-submissions", paramLabel = "N",
            description = "Keep at most N submissions; beyond it the oldest finished ones are forgotten (default: ${DEFAULT-VALUE}).")
    int maxSubmissions = DomainSettings.DEFAULT_MAX_SUBMISSIONS;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Consumer<IduScoreMockServer> whileRunning;

    private MockServerMain(PrintStream out, PrintStream err, Consumer<IduScoreMockServer> whileRunning) {
        this.out = out;
        this.err = err;
        this.whileRunning = whileRunning;
    }

    public static void main(String[] args) {
        quietLoggingDefaults();
        // WireMock's classes load on the other core while picocli reads the options
        IduScoreMockServer.preloadInBackground();
        int exitCode = run(args, System.out, System.err, MockServerMain::serveUntilShutdown);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Parses {@code args}, starts the mock, prints the listening line and hands the running server to
     * {@code whileRunning}; stops the server when that returns. The seam tests use instead of {@link #main}.
     *
     * @return the exit code: 0, {@link #EXIT_USAGE} for a bad option, value or file, {@link #EXIT_FAILURE} otherwise
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<IduScoreMockServer> whileRunning) {
        CommandLine cli = new CommandLine(new MockServerMain(out, err, whileRunning));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("iduscore-mock: " + e.getMessage() + " (see --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            err.println("iduscore-mock: could not start: " + describe(e));
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        IduScoreMockServer server;
        try {
            server = IduScoreMockServer.start(config());
        } catch (InvalidConfigException | IllegalArgumentException | UncheckedIOException badInput) {
            err.println("iduscore-mock: " + describe(badInput));
            return EXIT_USAGE;
        } catch (RuntimeException failure) {
            BindException bindFailure = cause(failure, BindException.class);
            if (bindFailure != null && isUnassignable(bindFailure)) {
                err.println("iduscore-mock: --bind '" + bind + "' cannot be bound: it is not an address of this machine");
                return EXIT_USAGE;
            }
            if (bindFailure != null) {
                err.println("iduscore-mock: port " + port + " on " + bind
                        + " is not available; pick another with --port (0 = any free port)");
                return EXIT_USAGE;
            }
            throw failure;
        }
        try {
            out.println(listeningLine(server));
            out.flush();
            whileRunning.accept(server);
        } finally {
            server.stop();
        }
        return 0;
    }

    private MockServerConfig config() {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535, not " + port);
        }
        if (maxSubmissions < 1) {
            throw new ParameterException(spec.commandLine(), "--max-submissions must be 1 or more, not " + maxSubmissions);
        }
        if (!isLocalAddress(bind)) {
            throw new ParameterException(spec.commandLine(),
                    "--bind '" + bind + "' cannot be bound: it is not an address of this machine");
        }
        if (!HEADER_TOKEN.matcher(webhookHeaderPrefix).matches()) {
            throw new ParameterException(spec.commandLine(),
                    "--webhook-header-prefix '" + webhookHeaderPrefix + "' is not a header name prefix (e.g. X-Idunox-)");
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--admin-token must not be empty");
        }
        // an InvalidConfigException names the file and every problem; call() prints it as it is
        List<TenantConfig> tenants = tenantsFile == null ? null : TenantsFile.load(tenantsFile);
        return MockServerConfig.defaults()
                .withPort(port)
                .withBindAddress(bind)
                .withTenants(tenants)
                .withClock(clock)
                .withStepDuration(stepDuration)
                .withSla(sla)
                .withStateFile(stateFile)
                .withWebhookHeaderPrefix(webhookHeaderPrefix)
                .withAdminToken(adminToken)
                .withMaxSubmissions(maxSubmissions);
    }

    static String listeningLine(IduScoreMockServer server) {
        MockServerConfig config = server.config();
        String bound = switch (config.bindAddress()) {
            case "127.0.0.1", "localhost" -> "";
            default -> "; bound to " + config.bindAddress();
        };
        return "IduScore mock listening on " + server.baseUrl() + " (tenants: " + String.join(", ", server.tenantIds())
                + "; clock: " + config.clock().slug() + bound + ")";
    }

    /** The main thread's wait: until SIGTERM or Ctrl-C, whose hook stops the server (flushing the state file). */
    private static void serveUntilShutdown(IduScoreMockServer server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "iduscore-mock-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** slf4j-simple defaults for the jar: timestamps, and WireMock's own chatter held back; -D options win. */
    private static void quietLoggingDefaults() {
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.log.com.iduscore.mock.wiremock", "warn");
        // the schema library warns about OpenAPI keywords (components, ...) it does not validate: not a person's concern
        setIfAbsent("org.slf4j.simpleLogger.log.com.networknt", "error");
        // PDFBox notes each substituted standard font once; the PDF is fine, nothing to act on
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.pdfbox", "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * Whether {@code bind} names the wildcard or an address of one of this machine's interfaces. Checked before
     * starting because Jetty retries the bind and reports either failure as a bare {@link BindException}.
     */
    static boolean isLocalAddress(String bind) {
        try {
            InetAddress address = InetAddress.getByName(bind);
            return address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    /** EADDRNOTAVAIL ("Cannot assign requested address"), as opposed to EADDRINUSE: the address, not the port. */
    private static boolean isUnassignable(BindException failure) {
        String message = failure.getMessage();
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("assign");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** {@code --version}: the jar's Implementation-Version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MockServerMain.class.getPackage().getImplementationVersion();
            return new String[]{"iduscore-mock " + (version == null ? "(development build)" : version)};
        }
    }
}
