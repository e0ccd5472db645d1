package com.iduscore.benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * A closed-loop load run: {@code connections} virtual threads, each on its own keep-alive connection, send requests back to
 * back for a warm-up (not recorded) and then a measured window; every response's latency is recorded.
 */
final class LoadRun {

    /** The outcome of one measured window. Latencies in microseconds. */
    record Result(String name, long requests, long unexpected, double seconds, long p50Micros, long p99Micros) {
        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    /** Builds request {@code n} of one connection; connection-local, so it need not be thread-safe. */
    interface RequestSource {
        byte[] next();
    }

    private LoadRun() {
    }

    static Result run(String name, int port, int connections, Duration warmup, Duration measure, int expectedStatus,
                      IntFunction<RequestSource> sourceForConnection) throws InterruptedException {
        return run(name, port, connections, warmup, measure, status -> status == expectedStatus, sourceForConnection);
    }

    /** As above, for a mix of requests: {@code expected} says which statuses are not counted as unexpected. */
    static Result run(String name, int port, int connections, Duration warmup, Duration measure, IntPredicate expected,
                      IntFunction<RequestSource> sourceForConnection) throws InterruptedException {
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        long[] unexpected = new long[connections];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + measure.toNanos();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            // virtual threads: blocking code, but the JDK multiplexes the sockets over a poller like wrk's event loop,
            // so 32 connections cost the shared 2 cores far less than 32 platform threads would
            Thread thread = Thread.ofVirtual().name("load-" + name + "-" + c).unstarted(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                long bad = 0;
                RequestSource source = sourceForConnection.apply(connection);
                try (KeepAliveConnection http = new KeepAliveConnection(port)) {
                    while (true) {
                        byte[] request = source.next();
                        long sent = System.nanoTime();
                        if (sent >= measureTo) {
                            break;
                        }
                        int status = http.exchange(request);
                        long received = System.nanoTime();
                        if (sent >= measureFrom) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = (received - sent) / 1_000;
                            if (!expected.test(status)) {
                                bad++;
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
                latencies[connection] = mine;
                counts[connection] = n;
                unexpected[connection] = bad;
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + ": a connection failed: " + failure.get(), failure.get());
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        double seconds = measure.toNanos() / 1e9;
        return new Result(name, total, Arrays.stream(unexpected).sum(), seconds, percentile(all, 50), percentile(all, 99));
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
