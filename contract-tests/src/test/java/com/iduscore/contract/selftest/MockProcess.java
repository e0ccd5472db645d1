package com.iduscore.contract.selftest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.target.ReactorPaths;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conforming deployment behind the {@link DeviationProxy}: {@code java -jar mock-server/target/iduscore-mock-server.jar
 * --port 0 --clock real --step-duration 20ms --tenants <file>}, started once for the whole self-test. Its output goes to
 * {@code contract-tests/target/selftest-mock.log}; {@link #close()} stops it through its {@link Process} handle.
 *
 * <p>The jar is {@code IDUSCORE_MOCK_JAR} (or the system property {@code iduscore.mockJar}) when set, else the
 * reactor's {@code mock-server/target/iduscore-mock-server.jar}.
 */
final class MockProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final String baseUrl;
    private final Path tenantsFile;

    private MockProcess(Process process, String baseUrl, Path tenantsFile) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.tenantsFile = tenantsFile;
    }

    /** The mock jar to run, or a clear reason why there is none. */
    static Path jar() {
        String configured = System.getProperty("iduscore.mockJar", System.getenv("IDUSCORE_MOCK_JAR"));
        Path jar = configured != null && !configured.isBlank() ? Path.of(configured.trim())
                : ReactorPaths.root().resolve("mock-server/target/iduscore-mock-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The self-test needs the mock server jar at " + jar + ", which does not exist:"
                    + " build it with mvn -B -q -pl mock-server -am package -DskipTests (or set IDUSCORE_MOCK_JAR).");
        }
        return jar;
    }

    /** Starts the mock with {@code tenants} as its tenants file, real clock, 20 ms pipeline steps. */
    static MockProcess start(ObjectNode tenants) {
        Path jar = jar();
        Process process = null;
        Path tenantsFile = null;
        try {
            tenantsFile = Files.createTempFile("iduscore-selftest-tenants-", ".json");
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(tenantsFile.toFile(), tenants);
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--port", "0", "--clock", "real",
                    "--step-duration", "20ms", "--tenants", tenantsFile.toString()))
                    .redirectErrorStream(true).start();
            return new MockProcess(process, awaitListening(process, jar), tenantsFile);
        } catch (IOException e) {
            stop(process, tenantsFile);
            throw new UncheckedIOException("cannot start the mock server from " + jar, e);
        } catch (RuntimeException e) {
            stop(process, tenantsFile);
            throw e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    private static String awaitListening(Process process, Path jar) throws IOException {
        Path log = ReactorPaths.root().resolve("contract-tests/target/selftest-mock.log");
        Files.createDirectories(log.getParent());
        Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        CompletableFuture<String> listening = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 logWriter) {
                String line;
                while ((line = out.readLine()) != null) {
                    logWriter.write(line + System.lineSeparator());
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
                // the process ended; reported below
            }
            listening.completeExceptionally(new IllegalStateException("output ended"));
        }, "selftest-mock-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the mock server", e);
        } catch (ExecutionException | TimeoutException e) {
            String output;
            synchronized (lastLines) {
                output = String.join(System.lineSeparator(), lastLines);
            }
            throw new IllegalStateException("The mock server (" + jar + ") did not print 'listening on http://127.0.0.1:PORT'"
                    + (e instanceof TimeoutException ? " within " + START_TIMEOUT : "; it exited") + ". Its last output ("
                    + log + "):" + System.lineSeparator() + output);
        }
    }

    @Override
    public void close() {
        stop(process, tenantsFile);
    }

    private static void stop(Process process, Path tenantsFile) {
        try {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            if (tenantsFile != null) {
                try {
                    Files.deleteIfExists(tenantsFile);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans it
                }
            }
        }
    }
}
