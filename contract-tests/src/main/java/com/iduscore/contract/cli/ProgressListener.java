package com.iduscore.contract.cli;

import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.CheckSelection;
import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.CheckStatus;
import com.iduscore.contract.report.RunRecorder;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Prints one line per check group when its class finishes, e.g.
 * {@code [conformance] AUTH    12 passed, 0 warned, 0 failed, 0 skipped  (AuthChecks)}. The counts are the run's own records (so a
 * known failure of the baseline counts as failed-known, as in the report), not JUnit's.
 */
final class ProgressListener implements TestExecutionListener {

    private final PrintStream out;
    private final RunRecorder recorder;
    private final Map<String, Set<String>> idsByClass = new ConcurrentHashMap<>();
    private volatile TestPlan plan;

    ProgressListener(PrintStream out, RunRecorder recorder) {
        this.out = out;
        this.recorder = recorder;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        remember(test);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            remember(test);
            return;
        }
        if (test.getSource().orElse(null) instanceof ClassSource source) {
            Set<String> ids = idsByClass.remove(source.getClassName());
            if (ids != null) {
                print(ids, source.getJavaClass().getSimpleName());
            }
        }
    }

    private void remember(TestIdentifier test) {
        if (!test.isTest()) {
            return;
        }
        checkId(test).ifPresent(id -> classOf(test).ifPresent(cls ->
                idsByClass.computeIfAbsent(cls, k -> ConcurrentHashMap.newKeySet()).add(id)));
    }

    /** A {@code @Check} method's id, or a generated check's (its display name starts with the id). */
    private static Optional<String> checkId(TestIdentifier test) {
        if (test.getSource().orElse(null) instanceof MethodSource source) {
            Check check = source.getJavaMethod().getAnnotation(Check.class);
            if (check != null) {
                return Optional.of(check.id());
            }
        }
        String name = test.getDisplayName();
        int space = name.indexOf(' ');
        return Optional.of(space < 0 ? name : name.substring(0, space));
    }

    private Optional<String> classOf(TestIdentifier test) {
        for (Optional<TestIdentifier> node = Optional.of(test); node.isPresent(); node = plan.getParent(node.get())) {
            if (node.get().getSource().orElse(null) instanceof ClassSource source) {
                return Optional.of(source.getClassName());
            }
        }
        return Optional.empty();
    }

    private void print(Set<String> ids, String className) {
        Map<String, java.util.List<CheckRecord>> byGroup = recorder.checks().stream()
                .filter(r -> ids.contains(r.id()))
                .collect(Collectors.groupingBy(r -> CheckSelection.groupOf(r.id()), TreeMap::new, Collectors.toList()));
        byGroup.forEach((group, records) -> {
            long known = records.stream().filter(CheckRecord::knownFailure).count();
            String line = String.format("[conformance] %-6s %3d passed, %d warned, %d failed, %s%d skipped  (%s)", group,
                    count(records, CheckStatus.PASSED), count(records, CheckStatus.WARNED),
                    count(records, CheckStatus.FAILED) - known, known > 0 ? known + " known failures, " : "",
                    count(records, CheckStatus.SKIPPED), className);
            synchronized (out) {
                out.println(line);
            }
        });
    }

    private static long count(java.util.List<CheckRecord> records, CheckStatus status) {
        return records.stream().filter(r -> r.status() == status).count();
    }
}
