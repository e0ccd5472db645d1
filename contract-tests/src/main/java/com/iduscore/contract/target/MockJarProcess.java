package com.iduscore.contract.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock server jar as a child process: {@code java -jar <jar> --port 0 --tenants <file> <options>}, with the
 * tenants written to a temporary file. {@link #start} returns once the process has printed its
 * {@code listening on http://127.0.0.1:PORT} line (bounded); its whole output is copied to a log file by a daemon
 * thread. {@link #close()} stops it through its {@link Process} handle and deletes the tenants file.
 */
public final class MockJarProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int LAST_LINES = 20;

    private final AtomicBoolean closed = new AtomicBoolean();
    private final Process process;
    private final String baseUrl;
    private final Path tenantsFile;
    private final Path log;

    private MockJarProcess(Process process, String baseUrl, Path tenantsFile, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.tenantsFile = tenantsFile;
        this.log = log;
    }

    /**
     * Starts the jar on a free port and waits for it to listen.
     *
     * @param jar     the mock server jar (must exist)
     * @param tenants the tenants file's content ({@code {"tenants":[...]}})
     * @param options further command-line options, e.g. {@code --clock manual}
     * @param log     where the process's output goes (its folder is created)
     * @throws TargetConfigurationException when the process exits or stays silent, with its last output
     */
    public static MockJarProcess start(Path jar, JsonNode tenants, List<String> options, Path log) {
        Process process = null;
        Path tenantsFile = null;
        try {
            tenantsFile = Files.createTempFile("iduscore-tenants-", ".json");
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(tenantsFile.toFile(), tenants);
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "--port", "0",
                    "--tenants", tenantsFile.toString()));
            command.addAll(options);
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new MockJarProcess(process, awaitListening(process, jar, log), tenantsFile, log);
        } catch (IOException e) {
            stop(process, tenantsFile);
            throw new UncheckedIOException("cannot start the mock server from " + jar, e);
        } catch (RuntimeException e) {
            stop(process, tenantsFile);
            throw e;
        }
    }

    /** Base URL without a trailing slash, as the process printed it. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The process's output log. */
    public Path log() {
        return log;
    }

    /** The process's id, e.g. to tell a person which process to look at. */
    public long pid() {
        return process.pid();
    }

    /** Reads the process's output on a daemon thread: completes with the base URL, and keeps copying to the log. */
    private static String awaitListening(Process process, Path jar, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        CompletableFuture<String> listening = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
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
                        if (lastLines.size() > LAST_LINES) {
                            lastLines.removeFirst();
                        }
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (!listening.isDone() && m.find()) {
                        listening.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended; the wait below reports it
            }
            listening.completeExceptionally(new IllegalStateException("output ended"));
        }, "mock-output-" + log.getFileName());
        pump.setDaemon(true);
        pump.start();
        try {
            return listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetConfigurationException("interrupted while starting the mock server");
        } catch (ExecutionException | TimeoutException e) {
            String output;
            synchronized (lastLines) {
                output = String.join(System.lineSeparator(), lastLines);
            }
            throw new TargetConfigurationException("The mock server (" + jar + ") did not print 'listening on http://127.0.0.1:PORT'"
                    + (e instanceof TimeoutException ? " within " + START_TIMEOUT : "; it exited")
                    + ". Its last output (full log: " + log + "):" + System.lineSeparator() + output);
        }
    }

    /** Idempotent. Asks the process to stop, forces it after 10 s, and deletes the tenants file. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stop(process, tenantsFile);
        }
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
