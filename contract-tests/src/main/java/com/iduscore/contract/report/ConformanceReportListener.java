package com.iduscore.contract.report;

import com.iduscore.contract.run.ConformanceRun;
import com.iduscore.contract.target.ReactorPaths;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes its run's reports when the test plan ends (the run is handed over when the listener is made: by
 * {@link com.iduscore.contract.run.ConformanceSessionListener} for Maven and IDEs, by the jar's main), and prints a short summary, the baseline
 * gate's verdict and the checks that newly pass. Runs that recorded no check (e.g. only the framework's own tests)
 * write nothing, so they never replace {@code reports/latest}.
 *
 * <p>Reports go to {@code IDUSCORE_REPORTS_DIR}, else {@code reports/} at the reactor root.
 */
public class ConformanceReportListener implements TestExecutionListener {

    private final PrintStream out;
    private final ConformanceRun run;

    /** Reports {@code run}'s checks to {@code out}. */
    public ConformanceReportListener(PrintStream out, ConformanceRun run) {
        this.out = out;
        this.run = run;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        run.recorder().reset();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        RunRecorder recorder = run.recorder();
        if (recorder.checks().isEmpty()) {
            return;
        }
        Optional<Baseline> baseline;
        try {
            baseline = run.baseline();
        } catch (RuntimeException e) {
            out.println("[conformance] the baseline could not be read, so the report has no gate section: " + e.getMessage());
            baseline = Optional.empty();
        }
        RunReport run = RunReport.of(ReportFiles.runId(recorder.startedAt(),
                Optional.ofNullable(recorder.targetKind()).orElse("unknown")), recorder, Instant.now(), baseline);
        try {
            Path dir = ReportFiles.write(run, reportsDir());
            summarize(run, dir);
        } catch (IOException e) {
            out.println("[conformance] could not write the reports: " + e);
        }
    }

    private void summarize(RunReport run, Path dir) {
        long known = run.knownFailures();
        out.println();
        out.println("[conformance] " + run.count(CheckStatus.PASSED) + " passed, " + run.count(CheckStatus.WARNED)
                + " warned, " + (run.count(CheckStatus.FAILED) - known)
                + " failed, " + (known > 0 ? known + " known failures, " : "") + run.count(CheckStatus.SKIPPED)
                + " skipped against " + run.targetKind() + " " + run.targetBaseUrl() + (run.readOnly() ? " (read-only)" : "")
                + " in " + HtmlReport.human(Duration.between(run.startedAt(), run.finishedAt())));
        run.timeToResultPercentile(50).ifPresent(p50 -> out.println("[conformance] time to result: p50 "
                + HtmlReport.human(p50) + ", p95 " + HtmlReport.human(run.timeToResultPercentile(95).orElseThrow())
                + " over " + run.timesToResultMillis().size() + " submissions"));
        run.checks().stream().filter(c -> c.status() == CheckStatus.WARNED).forEach(c -> c.warnings().forEach(w ->
                out.println("[conformance] WARNED " + c.id() + " (" + w.rule() + "): " + firstLine(w.message()))));
        run.checks().stream().filter(c -> c.status() == CheckStatus.FAILED && !c.knownFailure())
                .forEach(c -> out.println("[conformance] FAILED " + c.id() + " " + c.title() + ": " + firstLine(c.detail())));
        run.comparison().ifPresent(c -> {
            out.println("[conformance] baseline " + run.baselineSource().orElse("") + ": "
                    + (c.gatePasses() ? "gate passes" : "gate FAILS"));
            line("regressions (passed before, fail now)", c.regressions());
            line("new checks failing", c.newFailures());
            line("known failures (failed before too)", c.knownFailures());
            line("NEWLY PASSING (failed in the baseline; update it)", c.newlyPassing());
            line("in the baseline but not run", c.notRun());
        });
        out.println("[conformance] report: " + dir.resolve("conformance.html").toAbsolutePath());
    }

    private void line(String label, List<String> ids) {
        if (!ids.isEmpty()) {
            out.println("[conformance]   " + label + ": " + String.join(", ", ids));
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    static Path reportsDir() {
        String configured = com.iduscore.contract.target.RunEnvironment.variables().get("IDUSCORE_REPORTS_DIR");
        if (configured != null && !configured.isBlank()) {
            return com.iduscore.contract.target.RunEnvironment.resolve(configured);
        }
        return ReactorPaths.root().resolve("reports");
    }
}
