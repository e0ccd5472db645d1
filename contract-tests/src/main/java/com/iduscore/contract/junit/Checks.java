package com.iduscore.contract.junit;

import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.CheckStatus;
import com.iduscore.contract.report.RunRecorder;
import com.iduscore.contract.run.ConformanceRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.util.Locale;

/**
 * Helpers for check code: dynamic checks, skipping with a reason, and time-to-result measurements.
 *
 * <p>A skipped check is never a pass: {@link #skip} and {@link #require} abort the check (JUnit: skipped), and the report
 * shows the reason.
 */
public final class Checks {

    /** The reason a writing check is skipped in read-only mode. */
    public static final String READ_ONLY_REASON = "IDUSCORE_READ_ONLY=true: this check would POST";
    /** Why a check that {@code --checks}/{@code --exclude} (IDUSCORE_CHECKS/IDUSCORE_EXCLUDE) leaves out did not run; never recorded. */
    public static final String NOT_SELECTED = "not selected (IDUSCORE_CHECKS / IDUSCORE_EXCLUDE)";

    private Checks() {
    }

    /**
     * A dynamic test recorded as its own check (for generated variants in a {@code @TestFactory}). It writes when the
     * operation is a POST; in read-only mode such a check is skipped.
     */
    public static DynamicTest dynamic(String id, String title, String operation, Executable body) {
        return dynamic(id, title, operation, operation.trim().toUpperCase(Locale.ROOT).startsWith("POST"), body);
    }

    /** A dynamic check with an explicit {@code writes}. */
    public static DynamicTest dynamic(String id, String title, String operation, boolean writes, Executable body) {
        return dynamic(id, "", title, operation, writes, body);
    }

    /**
     * A dynamic check naming the rule it enforces (a {@code CONTRACT.md} id or an OpenAPI place, as {@link Check#rule});
     * it writes when the operation is a POST.
     */
    public static DynamicTest dynamic(String id, String rule, String title, String operation, Executable body) {
        return dynamic(id, rule, title, operation, operation.trim().toUpperCase(Locale.ROOT).startsWith("POST"), body);
    }

    /** A dynamic check naming its rule, with an explicit {@code writes}. */
    public static DynamicTest dynamic(String id, String rule, String title, String operation, boolean writes,
                                      Executable body) {
        return DynamicTest.dynamicTest(id + " " + title, () -> runDynamic(id, rule, title, operation, writes, body));
    }

    private static void runDynamic(String id, String rule, String title, String operation, boolean writes, Executable body)
            throws Throwable {
        if (!CheckSelection.fromEnvironment().selects(id)) {
            throw new TestAbortedException(NOT_SELECTED); // not recorded: not part of this run
        }
        ConformanceRun run = ConformanceRun.current();
        CheckRecord record = run.recorder().begin(id, title, operation, "dynamic " + id);
        record.rule(rule);
        try (RunRecorder.Scope ignored = RunRecorder.bind(record)) {
            if (writes && run.readOnly()) {
                throw new TestAbortedException(READ_ONLY_REASON);
            }
            run.baseline();
            body.execute();
            record.finish(CheckStatus.PASSED, "");
        } catch (Throwable thrown) {
            throw CheckRunner.recordThrown(run, record, thrown);
        }
    }

    /**
     * Reports a finding that never fails the gate: the deployment made a choice the contract leaves open, and the
     * reader may want to know. The running check ends {@code warned} unless it fails for another reason.
     *
     * @param rule the rule the finding is about: a CONTRACT.md id (e.g. {@code CONTRACT.md D4}) or an OpenAPI place
     */
    public static void warn(String rule, String message) {
        RunRecorder.current().orElseThrow(() -> new IllegalStateException(
                        "warn must be called from a check (a @Check method or a Checks.dynamic body)"))
                .warn(rule, message);
    }

    /** Skips the running check with a reason (never a pass). */
    public static void skip(String reason) {
        throw new TestAbortedException(reason);
    }

    /** Skips the running check with the reason unless {@code condition} holds. */
    public static void require(boolean condition, String reason) {
        if (!condition) {
            throw new TestAbortedException(reason);
        }
    }

    /** Records how long one submission took from acceptance to its result, for the report's p50/p95. */
    public static void recordTimeToResult(String submissionId, Duration duration) {
        RunRecorder.current().orElseThrow(() -> new IllegalStateException(
                        "recordTimeToResult must be called from a check (a @Check method or a Checks.dynamic body)"))
                .addTimeToResult(submissionId, duration);
    }
}
