package com.iduscore.contract.target;

import com.iduscore.contract.report.Masking;
import com.iduscore.contract.run.ConformanceRun;

/**
 * Starts targets, and reaches the target of the run bound to the current thread ({@link ConformanceRun#current()}).
 * The run, not this class, keeps its target: it starts it on first use and the JUnit extension stops it when the
 * run's root context ends (a shutdown hook stops it too if the JVM ends another way).
 */
public final class Targets {

    private Targets() {
    }

    /** The target of the current run, started from the environment on first call (see {@link ConformanceRun#target()}). */
    public static Target shared() {
        return ConformanceRun.current().target();
    }

    /** Starts a target of the settings' kind and registers its secrets for masking. */
    public static Target start(TargetSettings settings) {
        Target target = switch (settings.kind()) {
            case STUB -> StubTarget.start(settings);
            case URL -> UrlTarget.start(settings);
            case CONTAINER -> ContainerTarget.start(settings);
        };
        target.secrets().forEach(Masking::register);
        return target;
    }

    /** True once the current run (if a run is bound to this thread) has started its target. */
    public static boolean started() {
        return ConformanceRun.bound().map(ConformanceRun::targetStarted).orElse(false);
    }
}
