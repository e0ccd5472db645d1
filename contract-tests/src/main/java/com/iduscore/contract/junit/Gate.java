package com.iduscore.contract.junit;

import com.iduscore.contract.report.Baseline;

import java.util.Optional;

/**
 * The run's baseline ({@code IDUSCORE_BASELINE}), read once; a bad path fails every check with the same message.
 * {@link #override} replaces it for the framework's own tests.
 */
public final class Gate {

    private static Optional<Baseline> baseline;
    private static RuntimeException failure;

    private Gate() {
    }

    /** Uses {@code replacement} as the baseline until the handle closes. */
    public static synchronized AutoCloseable override(Optional<Baseline> replacement) {
        Optional<Baseline> previous = baseline;
        RuntimeException previousFailure = failure;
        baseline = replacement;
        failure = null;
        return () -> {
            synchronized (Gate.class) {
                baseline = previous;
                failure = previousFailure;
            }
        };
    }

    /** The baseline, when one is configured. */
    public static synchronized Optional<Baseline> baseline() {
        if (failure != null) {
            throw failure;
        }
        if (baseline == null) {
            try {
                baseline = Baseline.fromEnvironment(com.iduscore.contract.target.RunEnvironment.variables());
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return baseline;
    }

    /** True when a failing check failed in the baseline too. */
    static boolean isKnownFailure(String checkId) {
        return baseline().map(b -> b.isKnownFailure(checkId)).orElse(false);
    }
}
