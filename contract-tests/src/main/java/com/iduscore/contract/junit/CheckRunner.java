package com.iduscore.contract.junit;

import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.CheckStatus;
import com.iduscore.contract.report.Masking;
import com.iduscore.contract.run.ConformanceRun;
import org.opentest4j.TestAbortedException;

/**
 * The one place that turns an exception of a check into its recorded outcome and decides, with the baseline gate,
 * whether JUnit sees it. Used by {@link ConformanceExtension} for test methods and by {@link Checks#dynamic} for
 * dynamic checks.
 */
final class CheckRunner {

    private CheckRunner() {
    }

    /**
     * Records {@code thrown} for the check and returns what to throw to JUnit: the same exception, or, for a failure
     * the baseline already knows, a {@link TestAbortedException} saying so (JUnit reports it skipped, our report
     * failed with {@code knownFailure}).
     */
    static Throwable recordThrown(ConformanceRun run, CheckRecord record, Throwable thrown) {
        if (thrown instanceof TestAbortedException aborted) {
            record.finish(CheckStatus.SKIPPED, reason(aborted));
            return thrown;
        }
        record.finish(CheckStatus.FAILED, describe(thrown));
        if (run.isKnownFailure(record.id())) {
            record.markKnownFailure();
            return new TestAbortedException("KNOWN FAILURE (failed in the baseline too, so the gate lets it pass): "
                    + Masking.mask(String.valueOf(thrown.getMessage())), thrown);
        }
        return thrown;
    }

    static String describe(Throwable thrown) {
        String message = thrown.getMessage();
        String type = thrown instanceof AssertionError ? "" : thrown.getClass().getSimpleName() + ": ";
        return type + (message == null ? thrown.getClass().getName() : message.strip());
    }

    static String reason(Throwable aborted) {
        String message = aborted.getMessage();
        if (message == null) {
            return "skipped";
        }
        // JUnit's assumption messages read "Assumption failed: <reason>"; keep the reason
        return message.replaceFirst("^Assumption failed: ", "");
    }
}
