package com.iduscore.contract.selftest;

import com.iduscore.contract.junit.Gate;
import com.iduscore.contract.report.RunRecorder;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.target.Targets;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs chosen checks of the catalogue in this JVM, through a JUnit launcher of its own, against a given {@link Target}.
 *
 * <p>Kept out of the real run: the launcher registers no listener from the class path (so the conformance report
 * listener neither resets nor writes the real run's reports), the checks record into a {@link RunRecorder} of their own,
 * the baseline gate is switched off (a known failure must still count as a failure here), and the shared target is
 * overridden only for the nested run and restored afterwards. The catalogue's classes are loaded anew for each run
 * ({@link FreshCatalogueLoader}). The caller must keep the real run's checks from running meanwhile ({@code @Isolated}).
 */
final class NestedRun {

    private NestedRun() {
    }

    /** How one check ended in a nested run. */
    enum Status {
        /** It passed. */
        PASSED,
        /** It failed on an assertion (its own, the OpenAPI filter's, or a shared set-up's). */
        FAILED,
        /** It failed with an exception other than an assertion (a broken set-up, an unreachable target). */
        ERRORED,
        /** It was skipped or disabled (never a pass, never a catch). */
        SKIPPED,
        /** It was selected but never reported. */
        NOT_RUN
    }

    record Outcome(String checkId, Status status, String detail) {
        boolean failedOnAnAssertion() {
            return status == Status.FAILED;
        }

        @Override
        public String toString() {
            return checkId + " " + status + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /** Runs the checks against {@code target} and returns each one's outcome, by check id. */
    static Map<String, Outcome> run(Target target, Collection<CheckCatalogue.Selection> checks) {
        FreshCatalogueLoader loader = new FreshCatalogueLoader(NestedRun.class.getClassLoader());
        Map<String, String> idBySource = new LinkedHashMap<>();
        Set<String> dynamicIds = new LinkedHashSet<>();
        Set<String> selected = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (CheckCatalogue.Selection check : checks) {
            ids.add(check.id());
            for (CheckCatalogue.CheckMethod m : check.methods()) {
                if (selected.add(m.source())) {
                    Method method = m.in(loader);
                    request.selectors(DiscoverySelectors.selectMethod(method.getDeclaringClass(), method));
                }
                if (!check.dynamic()) {
                    idBySource.put(m.source(), check.id());
                }
            }
            if (check.dynamic()) {
                dynamicIds.add(check.id());
            }
        }
        LauncherDiscoveryRequest discovery = request
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .build();
        Collector collector = new Collector(idBySource, dynamicIds);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        ClassLoader previousContext = Thread.currentThread().getContextClassLoader();
        try (RunRecorder.Scope recorder = RunRecorder.install(new RunRecorder());
             AutoCloseable shared = Targets.override(target);
             AutoCloseable gate = Gate.override(Optional.empty())) {
            Thread.currentThread().setContextClassLoader(loader);
            launcher.execute(discovery, collector);
        } catch (Exception e) {
            throw new IllegalStateException("the nested run could not be set up or restored", e);
        } finally {
            Thread.currentThread().setContextClassLoader(previousContext);
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String id : ids) {
            outcomes.put(id, collector.outcomes.getOrDefault(id, new Outcome(id, Status.NOT_RUN, "selected but never reported")));
        }
        return outcomes;
    }

    /**
     * Runs every check of {@code methods} ({@code @Check} methods and factories) against {@code target} and returns the
     * outcome of each check that reported, by id: a dynamic check's id is the first word of its display name.
     */
    static Map<String, Outcome> runAll(Target target, Collection<CheckCatalogue.CheckMethod> methods) {
        FreshCatalogueLoader loader = new FreshCatalogueLoader(NestedRun.class.getClassLoader());
        Map<String, String> idBySource = new LinkedHashMap<>();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (CheckCatalogue.CheckMethod m : methods) {
            Method method = m.in(loader);
            request.selectors(DiscoverySelectors.selectMethod(method.getDeclaringClass(), method));
            com.iduscore.contract.junit.Check check = method.getAnnotation(com.iduscore.contract.junit.Check.class);
            if (check != null) {
                idBySource.put(m.source(), check.id());
            }
        }
        Collector collector = new Collector(idBySource, Set.of(), true);
        long started = System.nanoTime();
        execute(target, loader, request, collector);
        if (Boolean.getBoolean("iduscore.selftest.timing")) {
            System.out.println("[self-test] nested run of " + collector.outcomes.size() + " checks: "
                    + (System.nanoTime() - started) / 1_000_000 + " ms; slowest: " + collector.millis.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12).toList());
        }
        return new java.util.TreeMap<>(collector.outcomes);
    }

    private static void execute(Target target, FreshCatalogueLoader loader, LauncherDiscoveryRequestBuilder request,
                                Collector collector) {
        LauncherDiscoveryRequest discovery = request
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                // the checks of a whole-catalogue run wait on HTTP and a real clock: more threads than the real run's
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size", "8")
                .build();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        ClassLoader previousContext = Thread.currentThread().getContextClassLoader();
        try (RunRecorder.Scope recorder = RunRecorder.install(new RunRecorder());
             AutoCloseable shared = Targets.override(target);
             AutoCloseable gate = Gate.override(Optional.empty())) {
            Thread.currentThread().setContextClassLoader(loader);
            launcher.execute(discovery, collector);
        } catch (Exception e) {
            throw new IllegalStateException("the nested run could not be set up or restored", e);
        } finally {
            Thread.currentThread().setContextClassLoader(previousContext);
        }
    }

    /** Turns JUnit's events for the selected check methods into outcomes. */
    private static final class Collector implements TestExecutionListener {

        private final Map<String, String> idBySource;
        private final Set<String> dynamicIds;
        private final boolean everyDynamic;
        final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        final Map<String, Long> millis = new ConcurrentHashMap<>();
        private final Map<String, Long> startedAt = new ConcurrentHashMap<>();

        Collector(Map<String, String> idBySource, Set<String> dynamicIds) {
            this(idBySource, dynamicIds, false);
        }

        Collector(Map<String, String> idBySource, Set<String> dynamicIds, boolean everyDynamic) {
            this.idBySource = idBySource;
            this.dynamicIds = dynamicIds;
            this.everyDynamic = everyDynamic;
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            id(test).ifPresent(id -> outcomes.put(id, new Outcome(id, Status.SKIPPED, reason)));
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            startedAt.put(test.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            Long began = startedAt.remove(test.getUniqueId());
            if (began != null && test.isContainer()) {
                millis.put(test.getDisplayName(), (System.nanoTime() - began) / 1_000_000);
            }
            Optional<String> id = id(test);
            if (id.isEmpty()) {
                return;
            }
            if (began != null) {
                millis.put(id.get(), (System.nanoTime() - began) / 1_000_000);
            }
            Outcome outcome = switch (result.getStatus()) {
                case SUCCESSFUL -> new Outcome(id.get(), Status.PASSED, "");
                case ABORTED -> new Outcome(id.get(), Status.SKIPPED, message(result.getThrowable().orElse(null)));
                case FAILED -> {
                    Throwable thrown = result.getThrowable().orElse(null);
                    yield new Outcome(id.get(), onlyAssertions(thrown) ? Status.FAILED : Status.ERRORED, message(thrown));
                }
            };
            outcomes.put(id.get(), outcome);
        }

        private Optional<String> id(TestIdentifier test) {
            if (!test.isTest()) {
                return Optional.empty();
            }
            Optional<String> dynamic = dynamicIds.stream().filter(id -> test.getDisplayName().startsWith(id + " ")).findFirst();
            if (dynamic.isPresent()) {
                return dynamic;
            }
            Optional<String> annotated = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .map(source -> idBySource.get(source.getClassName() + "#" + source.getMethodName()));
            if (annotated.isPresent() || !everyDynamic) {
                return annotated;
            }
            String name = test.getDisplayName();
            int space = name.indexOf(' ');
            return space > 0 && name.substring(0, space).matches("[A-Z]+-[A-Za-z0-9._-]+")
                    ? Optional.of(name.substring(0, space)) : Optional.empty();
        }
    }

    /** True when the failure and every cause behind it are assertion errors: the check judged, nothing broke. */
    static boolean onlyAssertions(Throwable thrown) {
        if (thrown == null) {
            return false;
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (!(t instanceof AssertionError)) {
                return false;
            }
        }
        return true;
    }

    static String message(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        String text = (thrown instanceof AssertionError ? "" : thrown.getClass().getSimpleName() + ": ")
                + String.valueOf(thrown.getMessage()).strip();
        text = text.replaceAll("\\s*\\R\\s*", " ⏎ ");
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
