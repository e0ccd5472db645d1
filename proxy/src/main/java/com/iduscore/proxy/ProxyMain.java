package com.iduscore.proxy;

import com.iduscore.contract.openapi.OpenApiInteractionChecker;
import com.iduscore.proxy.bench.OverheadBenchmark;
import com.iduscore.proxy.diff.DiffCommand;
import com.iduscore.proxy.report.TrafficLog;
import com.iduscore.proxy.shapes.ShapesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar iduscore-proxy.jar --upstream URL [--port 8081] [--report-dir DIR] [--enforce] [--webhook-target URL
 * --webhook-port N]}: the validating, recording proxy, until SIGTERM or Ctrl-C, which write the final report. Prints one
 * line {@code IduScore validating proxy listening on http://127.0.0.1:PORT …} once it serves. Subcommands {@code diff}
 * (two conformance reports) and {@code shapes} (a recording against the mock). A bad option or file: one message, exit 2.
 */
@Command(name = "iduscore-proxy", mixinStandardHelpOptions = true, version = "iduscore-proxy 0.1.0", sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Validating, recording reverse proxy for the IduScore Partner API: forwards every request unchanged, "
                + "checks request and response against the contract, records violations (traffic.json, traffic.html, exchanges.jsonl).",
        subcommands = {DiffCommand.class, ShapesCommand.class, OverheadBenchmark.class})
public final class ProxyMain implements Callable<Integer> {

    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--upstream", paramLabel = "URL", description = "The deployment to forward to, e.g. https://api-test.iduscore.example (required).")
    String upstream;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = 8081;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Where traffic.json, traffic.html and exchanges.jsonl go (default: reports/<run-id>/).")
    Path reportDir;

    @Option(names = "--enforce", description = "Answer a request that breaks the contract with the API's 400 VALIDATION_ERROR envelope instead of forwarding it.")
    boolean enforce;

    @Option(names = "--webhook-target", paramLabel = "URL", description = "The partner's webhook endpoint to front: deliveries posted to --webhook-port are validated and forwarded there.")
    URI webhookTarget;

    @Option(names = "--webhook-port", paramLabel = "N", description = "Port of the webhook listener (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int webhookPort = 8082;

    @Option(names = "--webhook-name", paramLabel = "NAME", description = "The document's webhooks entry deliveries are checked against (default: ${DEFAULT-VALUE}).")
    String webhookName = "result.ready";

    @Option(names = "--body-cap", paramLabel = "BYTES", description = "Bodies up to this size are validated and recorded; larger ones stream through (default: ${DEFAULT-VALUE}).")
    int bodyCap = 1 << 20;

    @Option(names = "--upstream-timeout", paramLabel = "SECONDS", description = "Longest wait for the upstream's response headers before answering 504 (default: ${DEFAULT-VALUE}).")
    int upstreamTimeoutSeconds = 60;

    @Option(names = "--report-interval", paramLabel = "SECONDS", description = "How often the report is rewritten while running (default: ${DEFAULT-VALUE}).")
    int reportIntervalSeconds = 5;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with one-message usage errors (exit 2), as the mock's. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ProxyMain());
        line.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("iduscore-proxy: " + ex.getMessage() + " (see --help)");
            return EXIT_USAGE;
        });
        line.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("iduscore-proxy: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return line;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        URI upstreamUri = validate();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC)) + "-proxy";
        Path dir = reportDir != null ? reportDir : Path.of("reports", runId);
        OpenApiInteractionChecker checker = OpenApiInteractionChecker.shared();
        TrafficLog log;
        try {
            log = new TrafficLog(runId, upstreamUri.toString(), enforce, dir, ContractOperations.shared());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write the report in " + dir + ": " + e.getMessage());
        }
        ValidatingProxy proxy;
        try {
            proxy = ValidatingProxy.start(new ValidatingProxy.Settings(upstreamUri, bind, port, enforce, bodyCap,
                    Duration.ofSeconds(upstreamTimeoutSeconds), webhookTarget, webhookPort, webhookName), log, checker);
        } catch (java.io.UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "traffic-report");
            t.setDaemon(true);
            return t;
        });
        reports.scheduleWithFixedDelay(() -> log.writeReport(false), reportIntervalSeconds, reportIntervalSeconds, TimeUnit.SECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reports.shutdownNow();
            proxy.close();
            try {
                log.close();
                System.err.println("iduscore-proxy: " + log.exchanges() + " exchanges, " + log.violations()
                        + " violations; report " + dir.resolve("traffic.html"));
            } catch (IOException | RuntimeException e) {
                System.err.println("iduscore-proxy: could not write the final report: " + e.getMessage());
            }
            stopped.countDown();
        }, "proxy-stop"));
        log.writeReport(false);
        System.out.println("IduScore validating proxy listening on " + proxy.baseUrl() + " -> " + upstreamUri
                + (proxy.webhookUrl() == null ? "" : " (webhooks: " + proxy.webhookUrl() + " -> " + webhookTarget + ")")
                + (enforce ? " [enforce]" : "") + "; report " + dir.resolve("traffic.html"));
        System.out.flush();
        stopped.await();
        return 0;
    }

    private URI validate() {
        if (upstream == null || upstream.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--upstream URL is required (the deployment to forward to)");
        }
        URI uri;
        try {
            uri = URI.create(upstream.trim());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--upstream '" + upstream + "' is not a URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--upstream '" + upstream + "' must be an http:// or https:// URL");
        }
        if (webhookTarget != null && (webhookTarget.getScheme() == null || webhookTarget.getHost() == null)) {
            throw new ParameterException(spec.commandLine(), "--webhook-target '" + webhookTarget + "' must be an http:// or https:// URL");
        }
        if (port < 0 || port > 65535 || webhookPort < 0 || webhookPort > 65535) {
            throw new ParameterException(spec.commandLine(), "ports are 0..65535");
        }
        if (bodyCap < 0 || upstreamTimeoutSeconds <= 0 || reportIntervalSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--body-cap must be >= 0, --upstream-timeout and --report-interval > 0");
        }
        return uri;
    }
}
