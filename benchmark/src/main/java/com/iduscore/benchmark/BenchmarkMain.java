package com.iduscore.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.benchmark.Soak.Outcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * Measures, in one run and side by side, the mock's throughput and latency for {@code GET /v1/jobs/{id}} and
 * {@code POST /v1/submissions} (fresh keys) against a plain WireMock static stub serving the same job JSON, plus the
 * mock's cold start to the first 200 from {@code /health}. Rounds alternate the servers so machine noise hits both;
 * the figures reported are medians over rounds.
 */
@Command(name = "iduscore-benchmark", mixinStandardHelpOptions = true,
        description = "Side-by-side benchmark of the IduScore mock against a plain WireMock static stub (127.0.0.1 only).")
public final class BenchmarkMain implements Callable<Integer> {

    private static final String DEMO_KEY = "idu_demo_a1";
    private static final String DEMO_PARTNER_ID = "0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--mock-jar", description = "The mock's jar (default: ${DEFAULT-VALUE}).")
    Path mockJar = Path.of("mock-server/target/iduscore-mock-server.jar");

    @Option(names = "--wiremock-jar", description = "Plain WireMock standalone jar (default: ${DEFAULT-VALUE}).")
    Path wiremockJar = Path.of("benchmark/target/lib/wiremock-standalone.jar");

    @Option(names = "--connections", description = "Concurrent keep-alive connections (default: ${DEFAULT-VALUE}).")
    int connections = 32;

    @Option(names = "--warmup", converter = DurationConverter.class,
            description = "Warm-up of each scenario before the rounds, so the JIT has compiled the hot paths (default: 30s; on 2 busy cores C2 needs that long).")
    Duration warmup = Duration.ofSeconds(30);

    @Option(names = "--settle", converter = DurationConverter.class, description = "Unrecorded start of every measured run (default: 1s).")
    Duration settle = Duration.ofSeconds(1);

    @Option(names = "--duration", converter = DurationConverter.class, description = "Measured window per run (default: 8s).")
    Duration duration = Duration.ofSeconds(8);

    @Option(names = "--rounds", description = "Rounds; each runs every scenario once (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--cold-starts", description = "Cold starts measured per server (default: ${DEFAULT-VALUE}).")
    int coldStarts = 5;

    @Option(names = "--server-heap", description = "-Xmx of both servers (default: ${DEFAULT-VALUE}).")
    String serverHeap = "2g";

    @Option(names = "--server-jvm-option", description = "Extra JVM option for both servers (repeatable), e.g. -XX:+UseParallelGC.")
    List<String> serverJvmOptions = new ArrayList<>();

    @Option(names = "--server-threads", description = "Jetty container threads of the plain WireMock (default: ${DEFAULT-VALUE}); match the mock's pool.")
    int serverThreads = 64;

    @Option(names = "--mock-archive", description = "The mock's class-data archive, made by the build next to its jar "
            + "(default: ${DEFAULT-VALUE}); when it exists, cold starts are measured with and without it, alternated.")
    Path mockArchive = Path.of("mock-server/target/iduscore-mock-server.jsa");

    @Option(names = "--soak", converter = DurationConverter.class, arity = "0..1", fallbackValue = "10m", paramLabel = "DURATION",
            description = "Instead of the comparison: one mock under mixed GET and POST load for DURATION (10m when no "
                    + "value is given), its resident memory (RSS) read at the start, every 30 s and at the end.")
    Duration soak;

    @Option(names = "--out", description = "Folder for the report (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("reports/benchmark");

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchmarkMain());
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println(e.getMessage());
            System.err.println("Try --help.");
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (Path jar : List.of(mockJar, wiremockJar)) {
            if (!Files.isRegularFile(jar)) {
                System.err.println("Not found: " + jar + ". Build first: mvn -B -q package -DskipTests");
                return 2;
            }
        }
        List<String> jvm = new ArrayList<>(List.of("-Xms256m", "-Xmx" + serverHeap));
        jvm.addAll(serverJvmOptions);
        List<String> mockArgs = List.of("--port", "{PORT}", "--clock", "manual");
        List<String> wiremockArgs = List.of("--port", "{PORT}", "--no-request-journal", "--disable-banner",
                "--container-threads", Integer.toString(serverThreads));
        Path logs = out.resolve("logs");
        if (soak != null) {
            // the real clock, as a partner runs it: submissions finish in seconds, so --max-submissions can evict them
            // (on a manual clock nobody moves, every submission stays open and is kept, by design)
            return soak(jvm, List.of("--port", "{PORT}"), logs);
        }

        boolean withArchive = Files.isRegularFile(mockArchive);
        List<String> archiveJvm = new ArrayList<>(jvm);
        archiveJvm.addAll(List.of("-XX:SharedArchiveFile=" + mockArchive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        System.out.printf("Cold start to first 200 from /health, %d runs each%s...%n", coldStarts,
                withArchive ? " (the mock with and without its class-data archive, alternated)" : "");
        List<Duration> mockStarts = new ArrayList<>();
        List<Duration> archiveStarts = new ArrayList<>();
        List<Duration> wiremockStarts = new ArrayList<>();
        for (int i = 0; i < coldStarts; i++) {
            try (ServerProcess mock = ServerProcess.start("mock-cold", mockJar, jvm, mockArgs, "/health", logs)) {
                mockStarts.add(mock.coldStart());
            }
            if (withArchive) {
                try (ServerProcess mock = ServerProcess.start("mock-cold-archive", mockJar, archiveJvm, mockArgs, "/health", logs)) {
                    archiveStarts.add(mock.coldStart());
                }
            }
            try (ServerProcess wm = ServerProcess.start("wiremock-cold", wiremockJar, jvm, wiremockArgs, "/__admin/health", logs)) {
                wiremockStarts.add(wm.coldStart());
            }
        }

        Map<String, List<LoadRun.Result>> results = new LinkedHashMap<>();
        try (ServerProcess mock = ServerProcess.start("mock", mockJar, jvm, mockArgs, "/health", logs);
             ServerProcess wiremock = ServerProcess.start("wiremock", wiremockJar, jvm, wiremockArgs, "/__admin/health", logs)) {
            byte[] submission = validSubmission();
            String jobId = submitOnce(mock.port(), submission);
            String jobPath = "/v1/jobs/" + jobId;
            byte[] jobJson = get(mock.port(), jobPath);
            stubJob(wiremock.port(), jobPath, jobJson);
            System.out.printf("Job JSON: %d bytes; %d connections, warm-up %s, window %s, %d rounds%n",
                    jobJson.length, connections, warmup, duration, rounds);

            byte[] getJob = KeepAliveConnection.request("GET", jobPath, "X-Api-Key: " + DEMO_KEY + "\r\n", new byte[0]);
            Map<String, Scenario> scenarios = new LinkedHashMap<>();
            scenarios.put(STATIC_GET, new Scenario(wiremock.port(), 200, r -> c -> () -> getJob));
            scenarios.put(MOCK_GET, new Scenario(mock.port(), 200, r -> c -> () -> getJob));
            scenarios.put(MOCK_POST, new Scenario(mock.port(), 202, r -> c -> freshKeyPosts(r, c, submission)));

            System.out.printf("Warming up each scenario for %s...%n", warmup);
            for (Scenario scenario : scenarios.values()) {
                LoadRun.run("warmup", scenario.port(), connections, Duration.ZERO, warmup, scenario.expectedStatus(),
                        scenario.source().apply(0));
            }
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, Scenario> entry : scenarios.entrySet()) {
                    Scenario scenario = entry.getValue();
                    record(entry.getKey(), results, LoadRun.run(entry.getKey(), scenario.port(), connections, settle,
                            duration, scenario.expectedStatus(), scenario.source().apply(round)));
                }
                System.out.printf("round %d of %d done%n", round, rounds);
            }
        }

        String report = report(results, median(mockStarts), archiveStarts.isEmpty() ? null : median(archiveStarts),
                median(wiremockStarts));
        System.out.println();
        System.out.println(report);
        Files.createDirectories(out);
        Files.writeString(out.resolve("benchmark.md"), report, StandardCharsets.UTF_8);
        System.out.println("Written to " + out.resolve("benchmark.md"));
        return 0;
    }

    private int soak(List<String> jvm, List<String> mockArgs, Path logs) throws IOException, InterruptedException {
        Outcome outcome;
        try (ServerProcess mock = ServerProcess.start("mock-soak", mockJar, jvm, mockArgs, "/health", logs)) {
            byte[] submission = validSubmission();
            String jobPath = "/v1/jobs/" + submitOnce(mock.port(), submission);
            byte[] getJob = KeepAliveConnection.request("GET", jobPath, "X-Api-Key: " + DEMO_KEY + "\r\n", new byte[0]);
            System.out.printf("Soak: %s of mixed GET and POST on %d connections against %s%n", soak, connections, mock);
            outcome = Soak.run(mock, connections, soak, connection -> {
                LoadRun.RequestSource posts = freshKeyPosts(-1, connection, submission);
                boolean[] get = {false};
                return () -> (get[0] = !get[0]) ? getJob : posts.next();
            });
        }
        String report = Soak.report(outcome, connections, soak, String.join(" ", jvm));
        System.out.println();
        System.out.println(report);
        Files.createDirectories(out);
        Files.writeString(out.resolve("soak.md"), report, StandardCharsets.UTF_8);
        System.out.println("Written to " + out.resolve("soak.md"));
        return outcome.failure() == null && outcome.load().unexpected() == 0 ? 0 : 1;
    }

    private static final String STATIC_GET = "static WireMock stub: GET /v1/jobs/{id}";
    private static final String MOCK_GET = "IduScore mock: GET /v1/jobs/{id}";
    private static final String MOCK_POST = "IduScore mock: POST /v1/submissions (fresh keys)";

    /** One load scenario: where it goes, what status it expects, and its requests per round and connection. */
    private record Scenario(int port, int expectedStatus, IntFunction<IntFunction<LoadRun.RequestSource>> source) {
    }

    private static void record(String name, Map<String, List<LoadRun.Result>> results, LoadRun.Result result) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
        System.out.printf(Locale.ROOT, "  %-50s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms%s%n", name,
                result.requestsPerSecond(), result.p50Micros() / 1000.0, result.p99Micros() / 1000.0,
                result.unexpected() > 0 ? "  (" + result.unexpected() + " unexpected statuses)" : "");
    }

    /** Keys are unique per round and connection, so every request creates a submission. */
    private static LoadRun.RequestSource freshKeyPosts(int round, int connection, byte[] body) {
        long[] n = {0};
        return () -> {
            String key = "bench-" + round + "-" + connection + "-" + n[0]++;
            return KeepAliveConnection.request("POST", "/v1/submissions",
                    "X-Api-Key: " + DEMO_KEY + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key
                            + "\r\nx-correlation-id: " + key + "\r\n", body);
        };
    }

    private String report(Map<String, List<LoadRun.Result>> results, Duration mockStart, Duration archiveStart,
                          Duration wiremockStart) {
        StringBuilder md = new StringBuilder();
        md.append("# IduScore mock benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Run %s on %d cores, Java %s; %d keep-alive connections; each scenario warmed up for %s, "
                        + "then %d rounds alternating servers, each run %s + a %s window; medians over rounds. "
                        + "Both servers are separate JVMs with -Xmx%s%s and no request journal.%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), Runtime.version(), connections, warmup, rounds,
                settle, duration, serverHeap, serverJvmOptions.isEmpty() ? "" : " " + String.join(" ", serverJvmOptions)));
        md.append("| scenario | req/s | p50 ms | p99 ms | unexpected statuses |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<LoadRun.Result>> entry : results.entrySet()) {
            List<LoadRun.Result> runs = entry.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d |%n", entry.getKey(),
                    median(runs, LoadRun.Result::requestsPerSecond), median(runs, r -> r.p50Micros() / 1000.0),
                    median(runs, r -> r.p99Micros() / 1000.0), runs.stream().mapToLong(LoadRun.Result::unexpected).sum()));
        }
        List<LoadRun.Result> staticGet = results.get(STATIC_GET);
        List<LoadRun.Result> mockGet = results.get(MOCK_GET);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < staticGet.size(); i++) { // paired: the same round ran both one after the other
            ratios.add(mockGet.get(i).requestsPerSecond() / staticGet.get(i).requestsPerSecond());
        }
        md.append(String.format(Locale.ROOT, "%nStateful GET / static stub GET throughput, per round: %s; median **%.2f×** (target ≥ 1.20×).%n",
                ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f×", r)).toList(),
                ratios.stream().sorted().toList().get(ratios.size() / 2)));
        md.append(String.format(Locale.ROOT, "Cold start to first 200 from /health (median of %d): mock **%d ms**%s (target ≤ 800 ms); plain WireMock %d ms.%n",
                coldStarts, mockStart.toMillis(),
                archiveStart == null ? "" : String.format(Locale.ROOT, ", with its class-data archive **%d ms** (%.2f×)",
                        archiveStart.toMillis(), archiveStart.toNanos() / (double) mockStart.toNanos()),
                wiremockStart.toMillis()));
        return md.toString();
    }

    private static double median(List<LoadRun.Result> runs, ToDoubleFunction<LoadRun.Result> metric) {
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static byte[] validSubmission() throws IOException {
        try (InputStream in = BenchmarkMain.class.getResourceAsStream("/fixtures/submissions/valid/complete.json")) {
            if (in == null) {
                throw new IllegalStateException("fixtures/submissions/valid/complete.json is not on the classpath");
            }
            ObjectNode body = (ObjectNode) JSON.readTree(in);
            body.put("partnerId", DEMO_PARTNER_ID);
            body.put("partnerSubmissionId", "bench-sub");
            return JSON.writeValueAsBytes(body);
        }
    }

    private static String submitOnce(int port, byte[] body) throws IOException {
        try (KeepAliveConnection http = new KeepAliveConnection(port)) {
            int status = http.exchange(KeepAliveConnection.request("POST", "/v1/submissions",
                    "X-Api-Key: " + DEMO_KEY + "\r\nContent-Type: application/json\r\nIdempotency-Key: bench-setup\r\n"
                            + "x-correlation-id: bench-setup\r\n", body));
            if (status != 202) {
                throw new IllegalStateException("Setup submission answered " + status + ": "
                        + new String(http.lastBody(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(http.lastBody()).path("jobId").asText();
        }
    }

    private static byte[] get(int port, String path) throws IOException {
        try (KeepAliveConnection http = new KeepAliveConnection(port)) {
            int status = http.exchange(KeepAliveConnection.request("GET", path, "X-Api-Key: " + DEMO_KEY + "\r\n", new byte[0]));
            if (status != 200) {
                throw new IllegalStateException("GET " + path + " answered " + status);
            }
            return http.lastBody();
        }
    }

    private static void stubJob(int port, String path, byte[] jobJson) throws IOException {
        ObjectNode mapping = JSON.createObjectNode();
        mapping.putObject("request").put("method", "GET").put("url", path);
        ObjectNode response = mapping.putObject("response").put("status", 200)
                .put("body", new String(jobJson, StandardCharsets.UTF_8));
        response.putObject("headers").put("Content-Type", "application/json").put("x-request-id", "static");
        try (KeepAliveConnection http = new KeepAliveConnection(port)) {
            int status = http.exchange(KeepAliveConnection.request("POST", "/__admin/mappings",
                    "Content-Type: application/json\r\n", JSON.writeValueAsBytes(mapping)));
            if (status != 201) {
                throw new IllegalStateException("WireMock refused the stub mapping: " + status);
            }
        }
    }

    /** Accepts {@code 300ms}, {@code 3s}, {@code 2m} and ISO-8601 ({@code PT3S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.startsWith("pt") || v.startsWith("p")) {
                    return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
                }
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                if (v.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                if (v.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                }
            } catch (RuntimeException e) {
                // fall through to the message below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 300ms, 3s, 2m, PT3S)");
        }
    }
}
