package com.iduscore.contract.target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one polling loop of the suite: probe, test, let time pass, repeat, within a bound.
 * How time passes is the target's business ({@code between}): the stub moves its manual clock, a URL target sleeps.
 */
final class Polling {

    private Polling() {
    }

    /**
     * @param between     called after every probe that did not satisfy {@code done}; returns false when the bound of the
     *                    target's own time is exhausted (e.g. the stub has advanced its clock by the whole result timeout)
     * @param realTimeout bound in wall-clock time
     */
    static <T> List<T> until(Supplier<T> probe, Predicate<T> done, BooleanSupplierWithInterrupt between,
                             Duration realTimeout, String boundDescription) {
        List<T> observations = new ArrayList<>();
        long deadline = System.nanoTime() + realTimeout.toNanos();
        while (true) {
            T observed = probe.get();
            observations.add(observed);
            if (done.test(observed)) {
                return observations;
            }
            boolean more;
            try {
                more = between.getAsBoolean();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while polling; last observation: " + describe(observed), e);
            }
            if (!more || System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + boundDescription + " after "
                        + observations.size() + " probes; last observation: " + describe(observed));
            }
        }
    }

    static String describe(Object observed) {
        if (observed == null) {
            return "null";
        }
        if (observed instanceof io.restassured.response.ResponseBodyExtractionOptions response) {
            String body = response.asString();
            String prefix = observed instanceof io.restassured.response.Response r ? "HTTP " + r.statusCode() + " " : "";
            return prefix + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
        String text = String.valueOf(observed);
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    @FunctionalInterface
    interface BooleanSupplierWithInterrupt {
        boolean getAsBoolean() throws InterruptedException;
    }
}
