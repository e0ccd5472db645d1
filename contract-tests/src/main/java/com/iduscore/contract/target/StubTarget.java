package com.iduscore.contract.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.contract.webhook.WebhookInbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock server as a separate process: {@code java -jar mock-server/target/iduscore-mock-server.jar --port 0
 * --clock manual --tenants <generated> --admin-token <random>}. The generated tenants file is the demo tenants with a
 * webhook for demo-a pointing at the suite's {@link WebhookInbox}. The process's output goes to
 * {@code contract-tests/target/iduscore-mock.log}; {@link #close()} stops it through its {@link Process} handle.
 */
public final class StubTarget extends ManualClockTarget {

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final String baseUrl;
    private final WebhookInbox inbox;
    private final Path tenantsFile;
    private final Path log;

    private StubTarget(TargetSettings settings, Process process, String baseUrl, String adminToken, WebhookInbox inbox,
                       Path tenantsFile, Path log) {
        super(settings, baseUrl, adminToken, inbox);
        this.process = process;
        this.baseUrl = baseUrl;
        this.inbox = inbox;
        this.tenantsFile = tenantsFile;
        this.log = log;
    }

    /** Starts the mock jar and waits (bounded) for its {@code listening on} line. */
    public static StubTarget start(TargetSettings settings) {
        Path root = ReactorPaths.root();
        Path jar = settings.mockJar().orElse(root.resolve("mock-server/target/iduscore-mock-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new TargetConfigurationException("The stub target needs the mock server jar at " + jar
                    + ", which does not exist: run mvn -B package first (or mvn -B verify, which builds it before the"
                    + " suite runs), set IDUSCORE_MOCK_JAR, or point the suite at a deployment with IDUSCORE_BASE_URL.");
        }
        String adminToken = randomHex(24);
        String webhookSecret = "whsec_" + randomHex(16);
        String webhookKey = "whk_" + randomHex(12);
        WebhookInbox inbox = WebhookInbox.start("127.0.0.1", 0, webhookSecret, settings.webhookHeaderPrefix(), webhookKey,
                settings.resultTimeout());
        Process process = null;
        try {
            DemoTenants demo = DemoTenants.load();
            Path tenants = Files.createTempFile("iduscore-tenants-", ".json");
            new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(tenants.toFile(), demo.withWebhookForPrimary(inbox.url(), webhookSecret, webhookKey));
            Path log = logFile(root);
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString(), "--port", "0",
                    "--clock", "manual", "--tenants", tenants.toString(), "--admin-token", adminToken));
            if (!TargetSettings.DEFAULT_WEBHOOK_HEADER_PREFIX.equals(settings.webhookHeaderPrefix())) {
                command.addAll(List.of("--webhook-header-prefix", settings.webhookHeaderPrefix()));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String baseUrl = awaitListening(process, log, jar);
            return new StubTarget(settings, process, baseUrl, adminToken, inbox, tenants, log);
        } catch (IOException e) {
            inbox.close();
            if (process != null) {
                process.destroyForcibly();
            }
            throw new UncheckedIOException("cannot start the mock server from " + jar, e);
        } catch (RuntimeException e) {
            inbox.close();
            if (process != null) {
                process.destroyForcibly();
            }
            throw e;
        }
    }

    /** Reads the process's output on a daemon thread: completes with the base URL, and keeps copying to the log. */
    private static String awaitListening(Process process, Path log, Path jar) throws IOException {
        CompletableFuture<String> listening = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 logWriter) {
                String line;
                while ((line = out.readLine()) != null) {
                    logWriter.write(line);
                    logWriter.write(System.lineSeparator());
                    logWriter.flush();
                    synchronized (lastLines) {
                        lastLines.add(line);
                        if (lastLines.size() > 20) {
                            lastLines.removeFirst();
                        }
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (!listening.isDone() && m.find()) {
                        listening.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended; the exit check below reports it
            }
            listening.completeExceptionally(new IllegalStateException("output ended"));
        }, "iduscore-mock-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new TargetConfigurationException("interrupted while starting the mock server");
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            String output;
            synchronized (lastLines) {
                output = String.join(System.lineSeparator(), lastLines);
            }
            throw new TargetConfigurationException("The mock server (" + jar + ") did not print 'listening on http://127.0.0.1:PORT'"
                    + (e instanceof TimeoutException ? " within " + START_TIMEOUT : "; it exited")
                    + ". Its last output (full log: " + log + "):" + System.lineSeparator() + output);
        }
    }

    private static Path logFile(Path root) throws IOException {
        Path dir = root.resolve("contract-tests/target");
        Files.createDirectories(dir);
        return dir.resolve("iduscore-mock.log");
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.STUB;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    /** The mock's output log. */
    public Path log() {
        return log;
    }

    /** The process's id, e.g. to tell a person which process to look at. */
    public long pid() {
        return process.pid();
    }

    /** Idempotent: the JUnit root context and the shutdown hook may both call it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            inbox.close();
            try {
                Files.deleteIfExists(tenantsFile);
            } catch (IOException ignored) {
                // a temp file; the OS cleans it
            }
        }
    }
}
