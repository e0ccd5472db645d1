package com.iduscore.contract.target;

import com.iduscore.contract.report.Masking;
import com.iduscore.contract.report.RunRecorder;

/**
 * The run's one target, started on first use and shared by every check class. The JUnit extension registers
 * {@link #closeShared()} with the root extension context, so the stub process stops when the engine finishes;
 * a shutdown hook stops it too if the JVM ends another way.
 */
public final class Targets {

    private static Target shared;
    private static RuntimeException startFailure;

    private Targets() {
    }

    /**
     * The shared target, started from the environment on first call. A failure to start is remembered: every later
     * call fails (or, for an abort such as "no Docker engine", is skipped) at once with the same clear message rather
     * than trying again per check.
     */
    public static synchronized Target shared() {
        if (shared != null) {
            return shared;
        }
        if (startFailure instanceof org.opentest4j.TestAbortedException) {
            // e.g. no Docker engine for the container target: every check is skipped with the same reason
            throw new org.opentest4j.TestAbortedException(startFailure.getMessage(), startFailure);
        }
        if (startFailure != null) {
            throw new TargetConfigurationException(startFailure.getMessage(), startFailure);
        }
        try {
            shared = start(TargetSettings.fromEnvironment());
        } catch (org.opentest4j.TestAbortedException e) {
            startFailure = e;
            // the report names the kind that was skipped; the console says why, once, not once per check
            RunRecorder.get().target(TargetSettings.fromEnvironment().kind().id(), "", false);
            System.out.println("[conformance] every check skipped: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
        Target started = shared;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "iduscore-target-stop"));
        return started;
    }

    /** Starts a target of the settings' kind and registers its secrets for masking. */
    public static Target start(TargetSettings settings) {
        Target target = switch (settings.kind()) {
            case STUB -> StubTarget.start(settings);
            case URL -> UrlTarget.start(settings);
            case CONTAINER -> ContainerTarget.start(settings);
        };
        target.secrets().forEach(Masking::register);
        RunRecorder.get().target(target.kind().id(), target.baseUrl(), target.readOnly());
        return target;
    }

    /**
     * Uses {@code target} as the shared target until the returned handle closes, then restores the previous state
     * (without closing {@code target}). For the framework's own tests and for a team that brings its own {@link Target}.
     */
    public static synchronized AutoCloseable override(Target target) {
        Target previous = shared;
        RuntimeException previousFailure = startFailure;
        shared = target;
        startFailure = null;
        return () -> {
            synchronized (Targets.class) {
                shared = previous;
                startFailure = previousFailure;
            }
        };
    }

    /** True once the shared target has been started. */
    public static synchronized boolean started() {
        return shared != null;
    }

    /** Stops the shared target, if one was started; a later {@link #shared()} starts a new one. */
    public static synchronized void closeShared() {
        if (shared != null) {
            try {
                shared.close();
            } finally {
                shared = null;
            }
        }
    }
}
