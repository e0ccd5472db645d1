package com.iduscore.contract.checks.support;

import org.opentest4j.TestAbortedException;

import java.util.function.Supplier;

/**
 * A set-up shared by the checks of one class (e.g. one completed submission that several checks read), made by the
 * first check that needs it. A failure is remembered and fails every check that needs it with the same cause, rather
 * than repeating a slow set-up; a skip (e.g. read-only mode) skips each of them.
 */
public final class Once<T> {

    private final String what;
    private final Supplier<T> supplier;
    private boolean done;
    private T value;
    private Throwable failure;

    private Once(String what, Supplier<T> supplier) {
        this.what = what;
        this.supplier = supplier;
    }

    public static <T> Once<T> of(String what, Supplier<T> supplier) {
        return new Once<>(what, supplier);
    }

    public synchronized T get() {
        if (!done) {
            try {
                value = supplier.get();
            } catch (TestAbortedException skipped) {
                throw skipped; // not remembered: the next check may be allowed what this one was not
            } catch (Throwable thrown) {
                failure = thrown;
            }
            done = true;
        }
        if (failure != null) {
            throw new AssertionError("the shared set-up (" + what + ") failed: " + failure.getMessage(), failure);
        }
        return value;
    }
}
