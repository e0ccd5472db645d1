package com.iduscore.contract.selftest;

import com.iduscore.contract.run.ConformanceRun;
import com.iduscore.contract.target.Target;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

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
 * <p>Kept out of the real run without swapping anything global: the nested run is a {@link ConformanceRun} of its own
 * (its own recorder, the given target, the baseline gate off, since a known failure must still count as a failure
 * here), carried by a launcher session of its own that registers no listener from the class path (so no report is
 * written for it). The catalogue's classes are loaded anew for each run ({@link FreshCatalogueLoader}).
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
        execute(target, loader, discovery, collector);
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
        execute(target, loader, discovery, collector);
    }

    private static void execute(Target target, FreshCatalogueLoader loader, LauncherDiscoveryRequest discovery,
                                Collector collector) {
        // a run of its own, carried by its own launcher session: its recorder, the given target, no baseline gate
        ConformanceRun run = ConformanceRun.of(target, Optional.empty());
        ClassLoader previousContext = Thread.currentThread().getContextClassLoader();
        try (LauncherSession session = run.openSession()) {
            Thread.currentThread().setContextClassLoader(loader);
            session.getLauncher().execute(discovery, collector);
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
