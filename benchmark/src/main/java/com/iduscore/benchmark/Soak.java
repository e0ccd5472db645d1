package com.iduscore.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The soak: one mock under full load for a long window (10 minutes by default) with a mix of {@code GET /v1/jobs/{id}}
 * and {@code POST /v1/submissions} (a fresh key each, so every POST adds a submission), its resident memory read at
 * the start, every {@link #SAMPLE_EVERY} and at the end. It shows whether throughput holds and that memory levels
 * off: the mock keeps at most {@code --max-submissions} (default 100 000) submissions, evicting the oldest finished.
 */
final class Soak {
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);

    /** One memory reading: seconds since the load started, resident set in KiB (empty where /proc is missing). */
    record Sample(long atSeconds, OptionalLong rssKib) {
        String rss() {
            return rssKib.isPresent() ? String.format(Locale.ROOT, "%.0f MiB", rssKib.getAsLong() / 1024.0) : "n/a";
        }
    }

    /** {@code failure} is why the load stopped before its end (a connection failed or timed out), else null. */
    record Outcome(LoadRun.Result load, List<Sample> samples, String failure) {
        Outcome(LoadRun.Result load, List<Sample> samples) {
            this(load, samples, null);
        }
    }

    private Soak() {
    }

    /** Runs the mixed load for {@code window}: every connection alternates a GET of the job and a fresh-key POST. */
    static Outcome run(ServerProcess mock, int connections, Duration window, IntFunction<LoadRun.RequestSource> requests)
            throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        long started = System.nanoTime();
        samples.add(new Sample(0, rssKib(mock.pid())));
        System.out.printf(Locale.ROOT, "  t=%4ds  RSS %s%n", 0, samples.get(0).rss());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            Sample sample = new Sample(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), rssKib(mock.pid()));
            synchronized (samples) {
                samples.add(sample);
            }
            System.out.printf(Locale.ROOT, "  t=%4ds  RSS %s%n", sample.atSeconds(), sample.rss());
        }, SAMPLE_EVERY.toMillis(), SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LoadRun.Result load;
        String failure = null;
        try {
            load = LoadRun.run("soak", mock.port(), connections, Duration.ZERO, window,
                    status -> status == 200 || status == 202, requests);
        } catch (IllegalStateException stopped) {
            // the memory readings up to here are the point of a soak: keep them and say why it stopped
            failure = String.format(Locale.ROOT, "after %d s: %s",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), stopped.getMessage());
            load = new LoadRun.Result("soak", 0, 0, Math.max(1, (System.nanoTime() - started) / 1e9), 0, 0);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        Sample end = new Sample(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), rssKib(mock.pid()));
        synchronized (samples) {
            samples.add(end);
            System.out.printf(Locale.ROOT, "  t=%4ds  RSS %s (end)%n", end.atSeconds(), end.rss());
            return new Outcome(load, List.copyOf(samples), failure);
        }
    }

    /** VmRSS of the process from /proc (Linux); empty elsewhere. */
    static OptionalLong rssKib(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return OptionalLong.empty();
    }

    static String report(Outcome outcome, int connections, Duration window, String jvm) {
        LoadRun.Result load = outcome.load();
        Sample first = outcome.samples().get(0);
        Sample last = outcome.samples().get(outcome.samples().size() - 1);
        StringBuilder md = new StringBuilder("# IduScore mock soak\n\n");
        md.append(String.format(Locale.ROOT, "%s of mixed load (each of %d keep-alive connections alternates GET /v1/jobs/{id} "
                + "and POST /v1/submissions with a fresh Idempotency-Key) on %d cores, Java %s; mock JVM: %s.%n%n",
                window, connections, Runtime.getRuntime().availableProcessors(), Runtime.version(), jvm));
        if (outcome.failure() != null) {
            md.append("**The load stopped early**, ").append(outcome.failure())
                    .append(" (see logs/mock-soak.log); no throughput figures.\n\n");
        }
        md.append("| requests | req/s | p50 ms | p99 ms | unexpected statuses | RSS at start | RSS at end |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %.0f | %.2f | %.2f | %d | %s | %s |%n%n", load.requests(),
                load.requestsPerSecond(), load.p50Micros() / 1000.0, load.p99Micros() / 1000.0, load.unexpected(),
                first.rss(), last.rss()));
        md.append("RSS every ").append(SAMPLE_EVERY.toSeconds()).append(" s: ");
        md.append(String.join(", ", outcome.samples().stream().map(s -> s.atSeconds() + " s " + s.rss()).toList()));
        md.append(".\nThe mock runs on its real clock. About half the requests are POSTs, each adding a submission with seven jobs; the mock keeps at most "
                + "--max-submissions of them (default 100 000) and evicts the oldest finished ones, so memory levels off. "
                + "RSS includes the heap the JVM grows into before it collects hard (up to -Xmx, see --server-heap).\n");
        return md.toString();
    }
}
