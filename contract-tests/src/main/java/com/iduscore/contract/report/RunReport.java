package com.iduscore.contract.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished run, frozen for writing: target, times, every check, the baseline comparison and time-to-result
 * percentiles. Built by {@link #of}; the writers only read it.
 */
public record RunReport(String runId, String targetKind, String targetBaseUrl, boolean readOnly, Instant startedAt, Instant finishedAt,
                        List<CheckRecord> checks, Optional<String> baselineSource,
                        Optional<Baseline.Comparison> comparison, Optional<Coverage.Report> coverage) {

    /** A run without coverage figures (e.g. built by hand in a test). */
    public RunReport(String runId, String targetKind, String targetBaseUrl, boolean readOnly, Instant startedAt,
                     Instant finishedAt, List<CheckRecord> checks, Optional<String> baselineSource,
                     Optional<Baseline.Comparison> comparison) {
        this(runId, targetKind, targetBaseUrl, readOnly, startedAt, finishedAt, checks, baselineSource, comparison,
                Optional.empty());
    }

    /** Freezes the recorder's checks; a check that never finished is reported failed, never passed. */
    public static RunReport of(String runId, RunRecorder recorder, Instant finishedAt, Optional<Baseline> baseline) {
        List<CheckRecord> checks = recorder.checks();
        for (CheckRecord c : checks) {
            c.finish(CheckStatus.FAILED, "the check started but never reported an outcome (interrupted run?)");
        }
        Optional<Baseline.Comparison> comparison = baseline.map(b -> b.compare(statuses(checks)));
        return new RunReport(runId, Optional.ofNullable(recorder.targetKind()).orElse("unknown"),
                Optional.ofNullable(recorder.targetBaseUrl()).orElse(""), recorder.readOnly(), recorder.startedAt(), finishedAt, checks,
                baseline.map(Baseline::source), comparison, Optional.of(recorder.coverage().report()));
    }

    public static Map<String, CheckStatus> statuses(List<CheckRecord> checks) {
        Map<String, CheckStatus> statuses = new LinkedHashMap<>();
        checks.forEach(c -> statuses.put(c.id(), c.status()));
        return statuses;
    }

    public long count(CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    public long knownFailures() {
        return checks.stream().filter(CheckRecord::knownFailure).count();
    }

    /** Every time-to-result measurement of the run, in milliseconds, ascending. */
    public List<Long> timesToResultMillis() {
        List<Long> millis = new ArrayList<>();
        checks.forEach(c -> c.timesToResult().forEach(t -> millis.add(t.duration().toMillis())));
        millis.sort(Comparator.naturalOrder());
        return millis;
    }

    /** The nearest-rank percentile of the time-to-result measurements, when there are any. */
    public Optional<Duration> timeToResultPercentile(int percentile) {
        return percentile(timesToResultMillis(), percentile).map(Duration::ofMillis);
    }

    /** Nearest-rank percentile of ascending values: the smallest value with at least {@code p}% of values at or below it. */
    public static Optional<Long> percentile(List<Long> ascending, int p) {
        if (ascending.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(p / 100.0 * ascending.size());
        return Optional.of(ascending.get(Math.max(0, Math.min(ascending.size() - 1, rank - 1))));
    }

    /** True when JUnit should fail the run: a failed check the baseline does not excuse. */
    public boolean gateFails() {
        return checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILED && !c.knownFailure());
    }
}
