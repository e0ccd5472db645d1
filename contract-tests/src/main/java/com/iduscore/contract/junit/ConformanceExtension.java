package com.iduscore.contract.junit;

import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.CheckStatus;
import com.iduscore.contract.report.RunRecorder;
import com.iduscore.contract.run.ConformanceRun;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.target.TargetConfigurationException;
import com.iduscore.contract.webhook.WebhookInbox;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;

/**
 * Runs conformance checks against the run's target and records each one. Registered by {@link ConformanceTest}.
 *
 * <p>Per run, before any check: the class-level {@link #evaluateExecutionCondition} starts the shared target and
 * reads the baseline once ({@link #configurationProblem}); when that fails, one class fails in {@link #beforeAll} with
 * the one message and every other class is disabled, so nothing is recorded and no report is written. Classes and
 * checks that {@link CheckSelection} ({@code IDUSCORE_CHECKS}/{@code IDUSCORE_EXCLUDE}) leaves out are disabled and
 * not recorded either.
 *
 * <p>Lifecycle, per check method (a {@code @TestFactory} is not a check itself: its {@link Checks#dynamic} children are):
 * <ol>
 *   <li>{@link #evaluateExecutionCondition}: a writing check in read-only mode, or a check that takes a
 *       {@link WebhookInbox} where the target has none, is disabled with the reason (recorded skipped).</li>
 *   <li>{@link #beforeEach}: starts the shared target on first use (closed with the root context), begins the check's
 *       record and binds it to the thread, so the HTTP transcript lands in it.</li>
 *   <li>{@link #resolveParameter}: injects {@link Target}, {@link WebhookInbox} and {@link Credential} (the primary).</li>
 *   <li>{@link #handleTestExecutionException} (and the lifecycle-method variants): records the failure or the skip;
 *       a failure that the baseline knows is turned into an abort, so the gate lets it through.</li>
 *   <li>{@link #afterEach} unbinds; {@link TestWatcher} callbacks record what is still unrecorded (pass, skip).</li>
 * </ol>
 * <p>Where state lives. The extension has no fields and is thread-safe; nothing is a JVM global. The run (its
 * {@link RunRecorder}, target and baseline: a {@link ConformanceRun}) is the one the launcher session carries
 * ({@link ConformanceRun#attach}: the session listener, the jar's main or a nested run put it there), else one
 * configured by the environment; either way it is kept in the root context's store under {@link RunHandle}, which
 * stops the target the run started when the root context closes. The configuration verdict and the misconfiguration
 * flag live in the root store too, so each launcher execution (a nested self-test run included) has its own. A check's
 * record and its thread binding live in the test's store. Code without an {@link ExtensionContext} (the HTTP filters,
 * {@code Api}, {@link Checks#dynamic}) reaches the run through {@link ConformanceRun#current()}: as an
 * {@link InvocationInterceptor}, the extension binds the run to the thread around every constructor, set-up, check,
 * factory and dynamic check it runs, and restores the previous binding after, so a nested run inside a check sees
 * its own run and the outer check its own again.
 */
public class ConformanceExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler, TestWatcher, InvocationInterceptor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceExtension.class);
    private static final String RECORD = "record";
    private static final String SCOPE = "scope";
    /** Where the launcher session keeps a run given to it ({@link ConformanceRun#attach} uses the same name). */
    private static final ExtensionContext.Namespace SESSION = ExtensionContext.Namespace.create(ConformanceRun.class.getName());
    private static final String MISCONFIGURATION_REPORTED = "misconfiguration reported";
    /** Why a check did not run when the run is misconfigured: not recorded, the one failing class says why. */
    static final String NOT_RUN_MISCONFIGURED = "not run: the run is misconfigured (see the one configuration error)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return context.getTestClass().map(c -> classCondition(context, c))
                    .orElse(ConditionEvaluationResult.enabled("the engine"));
        }
        if (configurationProblem(context).isPresent()) {
            return ConditionEvaluationResult.disabled(NOT_RUN_MISCONFIGURED);
        }
        if (isFactory(method.get())) {
            return ConditionEvaluationResult.enabled("not a single check");
        }
        Check selected = method.get().getAnnotation(Check.class);
        if (selected != null && !CheckSelection.fromEnvironment().selects(selected.id())) {
            return ConditionEvaluationResult.disabled(Checks.NOT_SELECTED);
        }
        if (writes(method.get()) && run(context).readOnly()) {
            return ConditionEvaluationResult.disabled(Checks.READ_ONLY_REASON);
        }
        boolean wantsInbox = Arrays.stream(method.get().getParameterTypes()).anyMatch(WebhookInbox.class::equals);
        if (wantsInbox && !webhookConfigured(run(context))) {
            return ConditionEvaluationResult.disabled("no webhook receiver: set IDUSCORE_WEBHOOK_PORT and"
                    + " IDUSCORE_WEBHOOK_SECRET, and register that URL with the deployment");
        }
        return ConditionEvaluationResult.enabled("runs against the target");
    }

    /**
     * A class whose checks are all deselected does not run at all (its set-up neither). When the run is misconfigured
     * (a missing variable, a bad baseline, a stub jar that is not there), exactly one check class is let through, and
     * fails in {@link #beforeAll} with the one message; every other class is disabled, and nothing is recorded, so no
     * report replaces {@code reports/latest}.
     */
    private static ConditionEvaluationResult classCondition(ExtensionContext context, Class<?> testClass) {
        CheckSelection selection = CheckSelection.fromEnvironment();
        if (!selection.all()) {
            List<Method> methods = Arrays.stream(testClass.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Check.class) || isFactory(m)).toList();
            boolean anySelected = methods.stream().anyMatch(m -> isFactory(m) || selection.selects(m.getAnnotation(Check.class).id()));
            if (!methods.isEmpty() && !anySelected) {
                return ConditionEvaluationResult.disabled(Checks.NOT_SELECTED);
            }
        }
        if (configurationProblem(context).isEmpty()) {
            return ConditionEvaluationResult.enabled("configured");
        }
        AtomicBoolean reported = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MISCONFIGURATION_REPORTED, k -> new AtomicBoolean(), AtomicBoolean.class);
        return reported.compareAndSet(false, true)
                ? ConditionEvaluationResult.enabled("reports the configuration problem, once")
                : ConditionEvaluationResult.disabled(NOT_RUN_MISCONFIGURED);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        configurationProblem(context).ifPresent(problem -> {
            throw new TargetConfigurationException(problem);
        });
    }

    /**
     * What stops the run before any check: the target cannot be chosen or started, or the baseline cannot be read.
     * Found once per run (the answer is kept in the root store), by starting the shared target and reading the baseline.
     */
    static Optional<String> configurationProblem(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ConfigurationProblem.class, k -> {
            try {
                sharedTarget(context);
                run(context).baseline();
                return new ConfigurationProblem(Optional.empty());
            } catch (RuntimeException e) {
                return new ConfigurationProblem(Optional.of(String.valueOf(e.getMessage())));
            }
        }, ConfigurationProblem.class).message();
    }

    private record ConfigurationProblem(Optional<String> message) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        if (isFactory(method)) {
            sharedTarget(context);
            return;
        }
        CheckRecord record = begin(context);
        context.getStore(NAMESPACE).put(RECORD, record);
        context.getStore(NAMESPACE).put(SCOPE, RunRecorder.bind(record));
        run(context).baseline();
        sharedTarget(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RunRecorder.Scope scope = context.getStore(NAMESPACE).remove(SCOPE, RunRecorder.Scope.class);
        if (scope != null) {
            scope.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Target.class || type == WebhookInbox.class || type == Credential.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Target target = sharedTarget(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Target.class) {
            return target;
        }
        if (type == Credential.class) {
            return target.primary();
        }
        return target.webhooks().orElseThrow(() -> new IllegalStateException("the target has no webhook inbox"));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw handle(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw handle(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw handle(context, throwable);
    }

    /**
     * A failing {@code @BeforeAll} means none of the class's checks ran: each is recorded failed with the cause, so the
     * report lists them instead of silently missing them. JUnit fails the class as usual, unless every one of its
     * checks failed in the baseline too.
     */
    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (throwable instanceof org.opentest4j.TestAbortedException) {
            throw throwable;
        }
        boolean allKnown = true;
        int checks = 0;
        for (Method method : context.getRequiredTestClass().getDeclaredMethods()) {
            Check check = method.getAnnotation(Check.class);
            if (check == null) {
                continue;
            }
            checks++;
            CheckRecord record = run(context).recorder().begin(check.id(), check.title(), check.operation(),
                    context.getRequiredTestClass().getName() + "#" + method.getName());
            Throwable outcome = CheckRunner.recordThrown(run(context), record, new AssertionError(
                    "the class set-up (@BeforeAll) failed, so this check did not run: " + CheckRunner.describe(throwable),
                    throwable));
            allKnown &= outcome instanceof org.opentest4j.TestAbortedException;
        }
        if (checks > 0 && allKnown) {
            throw new org.opentest4j.TestAbortedException("KNOWN FAILURE (every check of the class failed in the baseline too): "
                    + CheckRunner.describe(throwable), throwable);
        }
        throw throwable;
    }

    private Throwable handle(ExtensionContext context, Throwable throwable) {
        return record(context).map(r -> CheckRunner.recordThrown(run(context), r, throwable)).orElse(throwable);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context).ifPresent(r -> r.finish(CheckStatus.PASSED, ""));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context).ifPresent(r -> r.finish(CheckStatus.SKIPPED, CheckRunner.reason(cause)));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Optional<CheckRecord> record = record(context);
        if (record.isPresent()) {
            record.get().finish(CheckStatus.FAILED, CheckRunner.describe(cause));
        } else if (context.getTestMethod().filter(ConformanceExtension::isFactory).isPresent()) {
            // the factory itself failed (e.g. a fixture is missing): its checks never ran, so say so in the report
            CheckRecord failed = begin(context);
            failed.finish(CheckStatus.FAILED, "the check factory failed before producing its checks: "
                    + CheckRunner.describe(cause));
        }
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        if (context.getTestMethod().filter(ConformanceExtension::isFactory).isPresent()) {
            return;
        }
        if (reason.filter(r -> r.equals(Checks.NOT_SELECTED) || r.equals(NOT_RUN_MISCONFIGURED)).isPresent()) {
            return; // not part of this run: neither a pass nor a skip
        }
        CheckRecord record = begin(context);
        record.finish(CheckStatus.SKIPPED, reason.orElse("disabled"));
    }

    private static Optional<CheckRecord> record(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(RECORD, CheckRecord.class));
    }

    private static CheckRecord begin(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        String source = context.getRequiredTestClass().getName() + "#" + method.getName();
        Check check = method.getAnnotation(Check.class);
        if (check == null) {
            return run(context).recorder().begin(context.getRequiredTestClass().getSimpleName() + "." + method.getName(),
                    context.getDisplayName(), "(no @Check)", source);
        }
        return run(context).recorder().begin(check.id(), check.title(), check.operation(), source);
    }

    private static boolean writes(Method method) {
        Check check = method.getAnnotation(Check.class);
        return check == null || check.writes();
    }

    private static boolean isFactory(Method method) {
        return method.isAnnotationPresent(TestFactory.class);
    }

    private static boolean webhookConfigured(ConformanceRun run) {
        if (run.targetStarted()) {
            return run.target().webhooks().isPresent();
        }
        try {
            var settings = com.iduscore.contract.target.TargetSettings.fromEnvironment();
            return settings.kind() != com.iduscore.contract.target.TargetKind.URL || settings.webhookPort().isPresent();
        } catch (RuntimeException e) {
            return true; // let the check fail with the configuration error
        }
    }

    /**
     * The run of this launcher execution: the one the launcher session carries, else one configured by the
     * environment; kept in the root store, whose closing stops the target the run started.
     */
    static ConformanceRun run(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunHandle.class, k -> {
            ConformanceRun given = context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, SESSION)
                    .get(ConformanceRun.class, ConformanceRun.class);
            return new RunHandle(given != null ? given : ConformanceRun.fromEnvironment());
        }, RunHandle.class).run();
    }

    /** The run's target, started on first use. */
    static Target sharedTarget(ExtensionContext context) {
        return run(context).target();
    }

    /** Closed by JUnit when the root context ends: stops the stub process, the container or the inbox the run started. */
    record RunHandle(ConformanceRun run) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            run.closeTarget();
        }
    }

    /** Runs {@code invocation} with the run bound to the thread, so code without a JUnit context finds it. */
    private static <T> T bound(ExtensionContext context, Invocation<T> invocation) throws Throwable {
        try (RunRecorder.Scope ignored = run(context).bind()) {
            return invocation.proceed();
        }
    }

    @Override
    public <T> T interceptTestClassConstructor(Invocation<T> invocation, ReflectiveInvocationContext<Constructor<T>> call,
                                               ExtensionContext context) throws Throwable {
        return bound(context, invocation);
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                         ExtensionContext context) throws Throwable {
        bound(context, invocation);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                          ExtensionContext context) throws Throwable {
        bound(context, invocation);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        bound(context, invocation);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        return bound(context, invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        bound(context, invocation);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext call,
                                     ExtensionContext context) throws Throwable {
        bound(context, invocation);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                         ExtensionContext context) throws Throwable {
        bound(context, invocation);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                        ExtensionContext context) throws Throwable {
        bound(context, invocation);
    }
}
