package com.iduscore.contract.run;

import com.iduscore.contract.report.Baseline;
import com.iduscore.contract.report.RunRecorder;
import com.iduscore.contract.target.RunEnvironment;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.target.TargetConfigurationException;
import com.iduscore.contract.target.TargetSettings;
import com.iduscore.contract.target.Targets;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import org.opentest4j.TestAbortedException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One launcher execution of the suite: its recorder, its target and its baseline gate. No static state: each run is an
 * object, so a nested run (the self-test, the framework's own tests) inside a check of another run keeps its own.
 *
 * <p>How code finds its run. The JUnit extension gets it from the launcher session's store ({@link #attach}, done by
 * whoever opens the session: {@link ConformanceSessionListener} for Maven and IDEs, the jar's main, a nested run), else
 * from the root context's store, and binds it to the thread ({@link #bind}) around every check, set-up and dynamic
 * check it runs. Code without a JUnit context (the REST Assured filters, {@code Api}, {@code Checks.dynamic}) reads
 * {@link #current()}; the binding is inheritable, so threads a check starts itself see the run too. The report listener
 * is handed its run when it is created.
 */
public final class ConformanceRun {

    /** Where a run lives in a launcher session's store (the JUnit extension reads it under the same name). */
    public static final Namespace NAMESPACE = Namespace.create(ConformanceRun.class.getName());

    private static final InheritableThreadLocal<ConformanceRun> CURRENT = new InheritableThreadLocal<>();

    private final RunRecorder recorder = new RunRecorder();
    private final Supplier<Target> targetFactory;
    private final boolean ownsTarget;
    private final Supplier<Optional<Baseline>> baselineFactory;
    private Target target;
    private RuntimeException targetFailure;
    private Optional<Baseline> baseline;
    private RuntimeException baselineFailure;

    private ConformanceRun(Supplier<Target> targetFactory, boolean ownsTarget, Supplier<Optional<Baseline>> baselineFactory) {
        this.targetFactory = targetFactory;
        this.ownsTarget = ownsTarget;
        this.baselineFactory = baselineFactory;
    }

    /** A run configured by the {@code IDUSCORE_*} variables: it starts (and stops) its target, reads the baseline. */
    public static ConformanceRun fromEnvironment() {
        return new ConformanceRun(() -> Targets.start(TargetSettings.fromEnvironment()), true,
                () -> Baseline.fromEnvironment(RunEnvironment.variables()));
    }

    /**
     * A run against a target the caller owns (never closed by the run) with the given baseline. For the framework's
     * own tests and the self-test; {@code null} target: started from the variables, as {@link #fromEnvironment()}.
     */
    public static ConformanceRun of(Target target, Optional<Baseline> baseline) {
        if (target == null) {
            return new ConformanceRun(() -> Targets.start(TargetSettings.fromEnvironment()), true, () -> baseline);
        }
        return new ConformanceRun(() -> target, false, () -> baseline);
    }

    /** Makes {@code run} the run of every execution of {@code session}'s launcher. */
    public static void attach(LauncherSession session, ConformanceRun run) {
        session.getStore().put(NAMESPACE, ConformanceRun.class, run);
    }

    /**
     * A launcher session that carries this run and uses no listener from the class path (neither the session listener
     * that would give it a run of its own nor a report listener): for the jar's main and nested runs.
     */
    public LauncherSession openSession() {
        LauncherSession session = LauncherFactory.openSession(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .build());
        attach(session, this);
        return session;
    }

    /** Executes {@code request} as this run, in a session of its own ({@link #openSession()}). */
    public void execute(LauncherDiscoveryRequest request, TestExecutionListener... listeners) {
        try (LauncherSession session = openSession()) {
            session.getLauncher().execute(request, listeners);
        }
    }

    /** The run bound to this thread: inside a check, its set-up or a dynamic check. */
    public static ConformanceRun current() {
        ConformanceRun run = CURRENT.get();
        if (run == null) {
            throw new IllegalStateException("not inside a conformance run: call this from a check, its set-up or a"
                    + " Checks.dynamic body");
        }
        return run;
    }

    /** The run bound to this thread, if any. */
    public static Optional<ConformanceRun> bound() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Binds this run to the current thread (and threads it starts) until the scope closes. */
    public RunRecorder.Scope bind() {
        ConformanceRun previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public RunRecorder recorder() {
        return recorder;
    }

    /**
     * The run's target, started on first call. A failure to start is remembered: every later call fails at once with
     * the same message rather than trying again per check.
     */
    public synchronized Target target() {
        if (target != null) {
            return target;
        }
        if (targetFailure instanceof TestAbortedException) {
            // e.g. no Docker engine for the container target: every check is skipped with the same reason
            throw new TestAbortedException(targetFailure.getMessage(), targetFailure);
        }
        if (targetFailure != null) {
            throw new TargetConfigurationException(targetFailure.getMessage(), targetFailure);
        }
        try {
            target = targetFactory.get();
        } catch (TestAbortedException e) {
            targetFailure = e;
            // the report names the kind that was skipped; the console says why, once, not once per check
            recorder.target(skippedKind(), "", false);
            System.out.println("[conformance] every check skipped: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            targetFailure = e;
            throw e;
        }
        recorder.target(target.kind().id(), target.baseUrl(), target.readOnly());
        if (ownsTarget) {
            Target started = target;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "iduscore-target-stop"));
        }
        return target;
    }

    private static String skippedKind() {
        try {
            return TargetSettings.fromEnvironment().kind().id();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /** True once the target has been started (or given). */
    public synchronized boolean targetStarted() {
        return target != null;
    }

    /** The started target's read-only flag, else the environment's (without starting anything). */
    public boolean readOnly() {
        synchronized (this) {
            if (target != null) {
                return target.readOnly();
            }
        }
        try {
            return TargetSettings.fromEnvironment().readOnly();
        } catch (RuntimeException e) {
            return false; // a bad environment is reported by the check itself when it asks for the target
        }
    }

    /** Stops the target if the run started it; a later {@link #target()} starts a new one. A given target stays up. */
    public synchronized void closeTarget() {
        if (target != null && ownsTarget) {
            try {
                target.close();
            } finally {
                target = null;
            }
        }
    }

    /** The baseline, when one is configured; read once, and a bad one fails every later call with the same message. */
    public synchronized Optional<Baseline> baseline() {
        if (baselineFailure != null) {
            throw baselineFailure;
        }
        if (baseline == null) {
            try {
                baseline = baselineFactory.get();
            } catch (RuntimeException e) {
                baselineFailure = e;
                throw e;
            }
        }
        return baseline;
    }

    /** True when a failing check failed in the baseline too. */
    public boolean isKnownFailure(String checkId) {
        return baseline().map(b -> b.isKnownFailure(checkId)).orElse(false);
    }
}
