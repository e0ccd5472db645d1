package com.iduscore.mock.junit5;

import com.iduscore.mock.embedded.EmbeddedMock;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the extension costs a partner's test run: an in-process start (the first in the JVM, then later ones, as a
 * per-class or per-method lifecycle pays them), a reset between tests (with state to forget), and a stop.
 * Run by {@code mock-junit5/benchmark.sh}; not a test, since wall-clock figures on a shared machine are no pass/fail.
 *
 * <p>Arguments: {@code [starts] [resets]} (default 30 and 300).
 */
public final class EmbeddedStartBenchmark {

    public static void main(String[] args) {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int resets = args.length > 1 ? Integer.parseInt(args[1]) : 300;

        long t0 = System.nanoTime();
        IduScoreMock first = start();
        double firstStart = millis(System.nanoTime() - t0);
        long s0 = System.nanoTime();
        first.close();
        double firstStop = millis(System.nanoTime() - s0);

        List<Double> startTimes = new ArrayList<>();
        List<Double> stopTimes = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            long a = System.nanoTime();
            IduScoreMock mock = start();
            startTimes.add(millis(System.nanoTime() - a));
            // serve one request, as a test would, so a lazy part of the start cannot hide
            HttpResponse<String> health = PartnerCalls.get(mock, "/health", null);
            if (health.statusCode() != 200) {
                throw new IllegalStateException("/health answered " + health.statusCode());
            }
            long b = System.nanoTime();
            mock.close();
            stopTimes.add(millis(System.nanoTime() - b));
        }

        List<Double> resetTimes = new ArrayList<>();
        try (IduScoreMock mock = start()) {
            for (int i = 0; i < resets; i++) {
                // something to forget: a submission (with its idempotency key) half-way through the pipeline
                if (PartnerCalls.submit(mock, PartnerCalls.minimalSubmission(), true).statusCode() != 202) {
                    throw new IllegalStateException("submit failed");
                }
                mock.advance(java.time.Duration.ofMillis(600));
                long a = System.nanoTime();
                mock.reset();
                resetTimes.add(millis(System.nanoTime() - a));
            }
        }

        System.out.printf(Locale.ROOT, "first start in this JVM: %.1f ms (stop %.1f ms)%n", firstStart, firstStop);
        System.out.printf(Locale.ROOT, "second start:            %.1f ms%n", startTimes.getFirst());
        System.out.printf(Locale.ROOT, "later starts (n=%d):     %s%n", starts, stats(startTimes));
        System.out.printf(Locale.ROOT, "stops (n=%d):            %s%n", starts, stats(stopTimes));
        System.out.printf(Locale.ROOT, "reset (n=%d):            %s%n", resets, stats(resetTimes));
    }

    private static IduScoreMock start() {
        WebhookReceiver receiver = WebhookReceiver.start();
        return new IduScoreMock(EmbeddedMock.start(true, null, receiver.url()), receiver);
    }

    private static String stats(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "median %.2f ms, p90 %.2f ms, max %.2f ms", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.floor(sorted.size() * 0.9)), sorted.getLast());
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
