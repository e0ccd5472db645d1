package com.iduscore.proxy.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code iduscore-proxy bench --direct URL --proxied URL [--path /health] [--api-key KEY]}: the proxy's overhead, as a
 * closed loop of keep-alive connections sending the same GET first to the mock directly, then through the proxy, then
 * directly again, each for a fixed window after a warm-up; prints p50, p99 and throughput of each and the added latency.
 * {@code proxy/bench.sh} starts the mock and the proxy and runs this.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Added latency (p50, p99) and throughput through the proxy vs the upstream directly (127.0.0.1 only).")
public final class OverheadBenchmark implements Callable<Integer> {

    @Option(names = "--direct", required = true, paramLabel = "URL", description = "The upstream (the mock), e.g. http://127.0.0.1:8080.")
    URI direct;

    @Option(names = "--proxied", required = true, paramLabel = "URL", description = "The proxy in front of it.")
    URI proxied;

    @Option(names = "--path", paramLabel = "PATH", description = "The GET to time (default: ${DEFAULT-VALUE}).")
    String path = "/health";

    @Option(names = "--api-key", paramLabel = "KEY", description = "Sent as X-Api-Key when given.")
    String apiKey;

    @Option(names = "--connections", paramLabel = "N", description = "Concurrent keep-alive connections (default: ${DEFAULT-VALUE}).")
    int connections = 8;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "Unmeasured warm-up per window (default: ${DEFAULT-VALUE}).")
    int warmupSeconds = 10;

    @Option(names = "--seconds", paramLabel = "S", description = "Measured window (default: ${DEFAULT-VALUE}).")
    int seconds = 8;

    record Result(String name, long requests, long unexpected, double seconds, long p50Micros, long p99Micros) {
        double perSecond() {
            return requests / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        for (URI u : List.of(direct, proxied)) {
            if (!"127.0.0.1".equals(u.getHost())) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "bench runs on 127.0.0.1 only: " + u);
            }
        }
        Result first = run("direct", direct);
        Result proxy = run("proxied", proxied);
        Result second = run("direct (again)", direct);
        long p50 = (first.p50Micros + second.p50Micros) / 2;
        long p99 = (first.p99Micros + second.p99Micros) / 2;
        double rps = (first.perSecond() + second.perSecond()) / 2;
        System.out.printf(Locale.ROOT, "%nGET %s, %d connections, %d s windows%n", path, connections, seconds);
        for (Result r : List.of(first, proxy, second)) {
            System.out.printf(Locale.ROOT, "%-15s %9.0f req/s   p50 %7.2f ms   p99 %7.2f ms   unexpected statuses %d%n",
                    r.name, r.perSecond(), r.p50Micros / 1000.0, r.p99Micros / 1000.0, r.unexpected);
        }
        System.out.printf(Locale.ROOT, "added by the proxy: p50 %+.2f ms, p99 %+.2f ms, throughput %+.0f%% (vs the mean of the direct runs)%n",
                (proxy.p50Micros - p50) / 1000.0, (proxy.p99Micros - p99) / 1000.0, (proxy.perSecond() / rps - 1) * 100);
        return 0;
    }

    private Result run(String name, URI base) throws InterruptedException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + (apiKey == null ? "" : "X-Api-Key: " + apiKey + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        long from = start + warmupSeconds * 1_000_000_000L;
        long to = from + seconds * 1_000_000_000L;
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        long[] unexpected = new long[connections];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int me = c;
            threads.add(Thread.ofVirtual().start(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                long bad = 0;
                try (Socket socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 2000);
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= to) {
                            break;
                        }
                        out.write(request);
                        out.flush();
                        int status = readResponse(in);
                        long received = System.nanoTime();
                        if (sent >= from) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = (received - sent) / 1000;
                            if (status != 200) {
                                bad++;
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
                latencies[me] = mine;
                counts[me] = n;
                unexpected[me] = bad;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + ": a connection failed: " + failure.get().getMessage(), failure.get());
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(name, all.length, Arrays.stream(unexpected).sum(), seconds, percentile(all, 50), percentile(all, 99));
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 response: " + status);
        }
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                in.skipNBytes(size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        return Integer.parseInt(status.substring(9, 12));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                int len = s.length();
                return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
            }
            s.append((char) c);
        }
        return s.isEmpty() ? null : s.toString();
    }
}
