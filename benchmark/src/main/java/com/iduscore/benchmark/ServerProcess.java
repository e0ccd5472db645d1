package com.iduscore.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test, run as its own JVM process (as partners run the mock), with its output in a log file.
 * Stopped through its own process handle, never by name.
 */
final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final int port;
    private final Duration coldStart;

    private ServerProcess(String name, Process process, int port, Duration coldStart) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.coldStart = coldStart;
    }

    /**
     * Starts {@code java <jvmArgs> -jar <jar> <args with {PORT} replaced>} and waits until {@code healthPath} answers
     * 200. The cold start is the time from spawning the process to that first 200.
     */
    static ServerProcess start(String name, Path jar, List<String> jvmArgs, List<String> args, String healthPath,
                               Path logDir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(name + ": jar not found at " + jar + " (run: mvn -B -q package -DskipTests)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        for (String arg : args) {
            command.add(arg.replace("{PORT}", Integer.toString(port)));
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        long spawned = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = spawned + TimeUnit.SECONDS.toNanos(30);
        byte[] health = KeepAliveConnection.request("GET", healthPath, "", new byte[0]);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before serving; see " + log);
            }
            try (KeepAliveConnection http = new KeepAliveConnection(port)) {
                if (http.exchange(health) == 200) {
                    return new ServerProcess(name, process, port, Duration.ofNanos(System.nanoTime() - spawned));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not answer " + healthPath + " within 30 s; see " + log);
            }
            Thread.sleep(2);
        }
    }

    int port() {
        return port;
    }

    /** The server's process id, e.g. to read its memory use from /proc. */
    long pid() {
        return process.pid();
    }

    Duration coldStart() {
        return coldStart;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return name + " on 127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
