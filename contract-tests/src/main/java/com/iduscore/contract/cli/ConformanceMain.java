package com.iduscore.contract.cli;

import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.CheckSelection;
import com.iduscore.contract.report.Baseline;
import com.iduscore.contract.report.ConformanceReportListener;
import com.iduscore.contract.run.ConformanceRun;
import com.iduscore.contract.target.RunEnvironment;
import com.iduscore.contract.target.StubTarget;
import com.iduscore.contract.target.TargetKind;
import com.iduscore.contract.target.TargetSettings;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code java -jar iduscore-conformance.jar}: the contract suite without this repository or Maven. Every option sets
 * the {@code IDUSCORE_*} variable of the same meaning (options win over the environment; see {@link RunEnvironment}),
 * then the same check classes run through the JUnit Platform Launcher, with the same reports as {@code mvn verify}.
 *
 * <p>Exit status: 0 when every check passed or warned (a known failure of the baseline included), 1 when a check
 * failed outside the baseline, 2 for bad usage or configuration (one message, no report written).
 */
@Command(name = "iduscore-conformance", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ConformanceMain.Version.class,
        description = "Checks a deployment of the IduScore Partner API against its contract and writes"
                + " conformance.json, conformance.html and junit.xml.",
        footer = {"", "Every option may be given as its environment variable instead (shown in brackets); options win.",
                "Exit status: 0 all passed or warned, 1 a check failed outside the baseline, 2 bad usage or configuration."})
public final class ConformanceMain implements Callable<Integer> {

    /** Where the check catalogue lives; the same classes surefire runs ({@code **}{@code /checks/**}{@code /*Checks}). */
    static final String CATALOGUE_PACKAGE = "com.iduscore.contract.checks";
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z]+(-[A-Za-z0-9]+)?");

    @Option(names = "--target", paramLabel = "KIND", description = "[IDUSCORE_TARGET] url (default with --base-url), stub (runs --mock-jar on a manual clock) or container (needs Docker)")
    String target;
    @Option(names = "--base-url", paramLabel = "URL", description = "[IDUSCORE_BASE_URL] the deployment, e.g. https://api-test.iduscore.example")
    String baseUrl;
    @Option(names = "--api-key", paramLabel = "KEY", description = "[IDUSCORE_API_KEY] the primary credential's key (required for url)")
    String apiKey;
    @Option(names = "--partner-id", paramLabel = "ID", description = "[IDUSCORE_PARTNER_ID] the primary credential's partnerId (required for url)")
    String partnerId;
    @Option(names = "--second-api-key", paramLabel = "KEY", description = "[IDUSCORE_SECOND_API_KEY] a second credential of the same tenant")
    String secondApiKey;
    @Option(names = "--second-partner-id", paramLabel = "ID", description = "[IDUSCORE_SECOND_PARTNER_ID]")
    String secondPartnerId;
    @Option(names = "--other-tenant-api-key", paramLabel = "KEY", description = "[IDUSCORE_OTHER_TENANT_API_KEY] a credential of another tenant")
    String otherTenantApiKey;
    @Option(names = "--other-tenant-partner-id", paramLabel = "ID", description = "[IDUSCORE_OTHER_TENANT_PARTNER_ID]")
    String otherTenantPartnerId;
    @Option(names = "--inactive-api-key", paramLabel = "KEY", description = "[IDUSCORE_INACTIVE_API_KEY] a key of an inactive tenant")
    String inactiveApiKey;
    @Option(names = "--webhook-port", paramLabel = "PORT", description = "[IDUSCORE_WEBHOOK_PORT] where the webhook receiver listens")
    String webhookPort;
    @Option(names = "--webhook-secret", paramLabel = "SECRET", description = "[IDUSCORE_WEBHOOK_SECRET] the webhook signing secret")
    String webhookSecret;
    @Option(names = "--webhook-api-key", paramLabel = "KEY", description = "[IDUSCORE_WEBHOOK_API_KEY] the key the deployment sends as X-Api-Key")
    String webhookApiKey;
    @Option(names = "--webhook-bind", paramLabel = "ADDRESS", description = "[IDUSCORE_WEBHOOK_BIND] the receiver's bind address (default 127.0.0.1)")
    String webhookBind;
    @Option(names = "--webhook-header-prefix", paramLabel = "PREFIX", description = "[IDUSCORE_WEBHOOK_HEADER_PREFIX] X-Idunox- (default) or X-IduScore-")
    String webhookHeaderPrefix;
    @Option(names = "--read-only", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", description = "[IDUSCORE_READ_ONLY] never POST a submission (production)")
    String readOnly;
    @Option(names = "--scenarios", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", description = "[IDUSCORE_SCENARIOS] the deployment honours the scenario triggers (sim-… prefixes), so their checks run")
    String scenarios;
    @Option(names = "--base-image", paramLabel = "IMAGE", description = "[IDUSCORE_BASE_IMAGE] the base image mock-server/Dockerfile is built on (container target)")
    String baseImage;
    @Option(names = "--result-timeout", paramLabel = "DURATION", description = "[IDUSCORE_RESULT_TIMEOUT] bound of every wait, ISO-8601 (default PT2M)")
    String resultTimeout;
    @Option(names = "--baseline", paramLabel = "FILE", description = "[IDUSCORE_BASELINE] an earlier conformance.json: fail only on regressions")
    String baseline;
    @Option(names = "--report-dir", paramLabel = "DIR", description = "[IDUSCORE_REPORTS_DIR] where reports go (default ./reports)")
    String reportDir;
    @Option(names = "--mock-jar", paramLabel = "JAR", description = "[IDUSCORE_MOCK_JAR] the mock server jar, for --target stub")
    String mockJar;
    @Option(names = "--mock-image", paramLabel = "IMAGE", description = "[IDUSCORE_MOCK_IMAGE] the mock's Docker image, for --target container")
    String mockImage;
    @Option(names = "--checks", paramLabel = "GROUPS", description = "[IDUSCORE_CHECKS] only these groups or ids, e.g. AUTH,IDEM,LIFE-03")
    String checks;
    @Option(names = "--exclude", paramLabel = "GROUPS", description = "[IDUSCORE_EXCLUDE] never these groups or ids")
    String exclude;
    @Option(names = "--list", description = "print the check catalogue (id, title, operation) and exit")
    boolean list;

    private final PrintStream out;
    private final PrintStream err;

    ConformanceMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs the tool and returns its exit status (for tests: no {@code System.exit}). The options become
     * {@code IDUSCORE_*} system properties for the run and are restored afterwards.
     */
    static int run(PrintStream out, PrintStream err, String... args) {
        java.util.Properties before = (java.util.Properties) System.getProperties().clone();
        try {
            return execute(out, err, args);
        } finally {
            System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("IDUSCORE_"))
                    .filter(n -> !before.containsKey(n)).forEach(System::clearProperty);
            before.stringPropertyNames().stream().filter(n -> n.startsWith("IDUSCORE_"))
                    .forEach(n -> System.setProperty(n, before.getProperty(n)));
        }
    }

    private static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new ConformanceMain(out, err));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        // a bad option: one line and a pointer to --help, not the whole usage text
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("iduscore-conformance: " + e.getMessage() + " (see --help)");
            return CommandLine.ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        Map<String, String> variables = variables();
        for (String name : List.of("IDUSCORE_CHECKS", "IDUSCORE_EXCLUDE")) {
            String value = variables.get(name);
            if (value != null) {
                for (String token : value.split(",")) {
                    if (!token.isBlank() && !SELECTOR.matcher(token.trim()).matches()) {
                        return usage("--" + (name.endsWith("CHECKS") ? "checks" : "exclude") + " takes check groups or ids"
                                + " such as AUTH,IDEM-03 (got '" + token.trim() + "')");
                    }
                }
            }
        }
        variables.forEach(System::setProperty);
        if (list) {
            printCatalogue();
            return CommandLine.ExitCode.OK;
        }
        Map<String, String> run = RunEnvironment.variables();
        if (blank(run.get("IDUSCORE_TARGET")) && blank(run.get("IDUSCORE_BASE_URL"))) {
            // Maven's default is the stub next to the suite; the jar has no such neighbour, so it asks
            return usage("no target: give --base-url URL --api-key KEY --partner-id ID (or --target stub --mock-jar JAR);"
                    + " --help lists every option");
        }
        try {
            TargetSettings settings = TargetSettings.fromEnvironment();
            if (settings.kind() == TargetKind.STUB) {
                StubTarget.mockJar(settings);
            }
            Baseline.fromEnvironment(run);
        } catch (RuntimeException e) {
            return usage(e.getMessage());
        }
        return execute();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private int usage(String message) {
        err.println("iduscore-conformance: " + message);
        return CommandLine.ExitCode.USAGE;
    }

    /** The options given, as the variables they stand for. */
    Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "IDUSCORE_TARGET", target);
        put(v, "IDUSCORE_BASE_URL", baseUrl);
        put(v, "IDUSCORE_API_KEY", apiKey);
        put(v, "IDUSCORE_PARTNER_ID", partnerId);
        put(v, "IDUSCORE_SECOND_API_KEY", secondApiKey);
        put(v, "IDUSCORE_SECOND_PARTNER_ID", secondPartnerId);
        put(v, "IDUSCORE_OTHER_TENANT_API_KEY", otherTenantApiKey);
        put(v, "IDUSCORE_OTHER_TENANT_PARTNER_ID", otherTenantPartnerId);
        put(v, "IDUSCORE_INACTIVE_API_KEY", inactiveApiKey);
        put(v, "IDUSCORE_WEBHOOK_PORT", webhookPort);
        put(v, "IDUSCORE_WEBHOOK_SECRET", webhookSecret);
        put(v, "IDUSCORE_WEBHOOK_API_KEY", webhookApiKey);
        put(v, "IDUSCORE_WEBHOOK_BIND", webhookBind);
        put(v, "IDUSCORE_WEBHOOK_HEADER_PREFIX", webhookHeaderPrefix);
        put(v, "IDUSCORE_READ_ONLY", readOnly);
        put(v, "IDUSCORE_SCENARIOS", scenarios);
        put(v, "IDUSCORE_RESULT_TIMEOUT", resultTimeout);
        put(v, "IDUSCORE_BASELINE", baseline);
        put(v, "IDUSCORE_REPORTS_DIR", reportDir);
        put(v, "IDUSCORE_MOCK_JAR", mockJar);
        put(v, "IDUSCORE_MOCK_IMAGE", mockImage);
        put(v, "IDUSCORE_BASE_IMAGE", baseImage);
        put(v, "IDUSCORE_CHECKS", checks);
        put(v, "IDUSCORE_EXCLUDE", exclude);
        return v;
    }

    private static void put(Map<String, String> variables, String name, String value) {
        if (value != null) {
            variables.put(name, value);
        }
    }

    private static LauncherDiscoveryRequest catalogueRequest() {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(CATALOGUE_PACKAGE))
                .filters(ClassNameFilter.includeClassNamePatterns(".*Checks"))
                .build();
    }

    private static Launcher launcher() {
        // discovery only (--list); a run executes through ConformanceRun.execute, which uses no class-path listener
        return LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false).build());
    }

    /** Static checks with their id, title and operation; a factory's checks are generated when it runs. */
    private void printCatalogue() {
        TestPlan plan = launcher().discover(catalogueRequest());
        CheckSelection selection = CheckSelection.fromEnvironment();
        List<String[]> rows = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            collect(plan, root, rows, selection);
        }
        rows.sort(java.util.Comparator.comparing((String[] r) -> r[0].replaceAll("\\d+", ""))
                .thenComparingInt(r -> r[0].matches(".*-\\d+") ? Integer.parseInt(r[0].replaceAll(".*-", "")) : 0));
        int idWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(8);
        int opWidth = rows.stream().mapToInt(r -> r[2].length()).max().orElse(8);
        for (String[] row : rows) {
            out.printf("%-" + idWidth + "s  %-" + opWidth + "s  %s%n", row[0], row[2], row[1]);
        }
        out.println(rows.size() + " entries (a factory's entry stands for the checks it generates when it runs)");
    }

    private static void collect(TestPlan plan, TestIdentifier node, List<String[]> rows, CheckSelection selection) {
        if (node.getSource().orElse(null) instanceof MethodSource source) {
            Method method = source.getJavaMethod();
            Check check = method.getAnnotation(Check.class);
            if (check != null && selection.selects(check.id())) {
                rows.add(new String[] {check.id(), check.title(), check.operation()});
            } else if (method.isAnnotationPresent(TestFactory.class)) {
                rows.add(new String[] {"(generated)", source.getClassName().replaceAll(".*\\.", "") + "." + method.getName()
                        + ": " + node.getDisplayName(), "(several)"});
            }
        }
        plan.getChildren(node).forEach(child -> collect(plan, child, rows, selection));
    }

    private int execute() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        ConformanceRun run = ConformanceRun.fromEnvironment();
        ConformanceReportListener reports = new ConformanceReportListener(out, run);
        ProgressListener progress = new ProgressListener(out, run.recorder());
        out.println("[conformance] running the contract checks; one line per check group as it finishes");
        run.execute(catalogueRequest(), reports, progress, summary);
        if (run.recorder().checks().isEmpty()) {
            // nothing recorded: the run stopped before any check (the target did not start) or nothing was selected
            return usage(summary.getSummary().getFailures().stream().findFirst()
                    .map(f -> String.valueOf(f.getException().getMessage()))
                    .orElse("no check ran: --checks/--exclude selected none (--list shows the catalogue)"));
        }
        return summary.getSummary().getTotalFailureCount() > 0 ? 1 : CommandLine.ExitCode.OK;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ConformanceMain.class.getPackage().getImplementationVersion();
            return new String[] {"iduscore-conformance " + (v == null ? "(development build)" : v)};
        }
    }
}
