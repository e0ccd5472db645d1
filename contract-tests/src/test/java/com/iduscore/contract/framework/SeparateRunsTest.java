package com.iduscore.contract.framework;

import com.iduscore.contract.api.Api;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.Exchange;
import com.iduscore.contract.run.ConformanceRun;
import com.iduscore.contract.target.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Two runs in one JVM keep their own recorder, target and baseline, with nothing global installed or overridden: a run
 * started inside a check of another run (as the self-test does), and two runs at the same time on two threads.
 * Not {@code @Isolated}: the sample runs share nothing with the real run or with each other.
 */
class SeparateRunsTest {

    private static FakeDeployment outerTarget;
    private static FakeDeployment innerTarget;
    /** What each sample check saw as its target, by check id (written by the sample checks themselves). */
    private static final Map<String, String> seenBaseUrl = new ConcurrentHashMap<>();
    /** Set on this test's own launcher requests: the sample classes run only there, never as part of Maven's run. */
    private static final String SAMPLE = "iduscore.test.separate-runs";

    @BeforeAll
    static void start_two_deployments() {
        outerTarget = new FakeDeployment(false);
        innerTarget = new FakeDeployment(false);
    }

    @AfterAll
    static void stop_them() {
        outerTarget.close();
        innerTarget.close();
    }

    @Test
    void a_run_started_inside_a_check_records_into_its_own_recorder_against_its_own_target_and_the_outer_check_continues_on_its_own()
            {
        ConformanceRun outer = ConformanceRun.of(outerTarget, Optional.empty());
        TestExecutionSummary summary = execute(outer, OuterChecks.class);

        assertThat(summary.getTotalFailureCount()).as("failures: %s", summary.getFailures().stream()
                .map(f -> String.valueOf(f.getException())).toList()).isZero();
        Map<String, CheckRecord> outerChecks = byId(outer);
        assertThat(outerChecks).containsOnlyKeys("OUTER-01");
        CheckRecord outerCheck = outerChecks.get("OUTER-01");
        assertThat(outerCheck.exchanges()).extracting(Exchange::url)
                .as("the outer check's requests before and after the nested run, and none of the nested run's")
                .containsExactly(outerTarget.baseUrl() + "/health", outerTarget.baseUrl() + "/health");
        assertThat(outer.recorder().targetBaseUrl()).isEqualTo(outerTarget.baseUrl());

        ConformanceRun inner = OuterChecks.nested;
        assertThat(byId(inner)).containsOnlyKeys("INNER-01", "INNER-02");
        assertThat(byId(inner).get("INNER-01").exchanges()).extracting(Exchange::url)
                .containsExactly(innerTarget.baseUrl() + "/health");
        assertThat(byId(inner).get("INNER-02").exchanges()).extracting(Exchange::url)
                .as("a dynamic check of the nested run").containsExactly(innerTarget.baseUrl() + "/health");
        assertThat(inner.recorder().targetBaseUrl()).isEqualTo(innerTarget.baseUrl());
        assertThat(seenBaseUrl).containsEntry("INNER-01", innerTarget.baseUrl())
                .containsEntry("OUTER-01 before", outerTarget.baseUrl())
                .containsEntry("OUTER-01 after", outerTarget.baseUrl());
    }

    @Test
    void two_runs_at_the_same_time_on_two_threads_each_see_only_their_own_target_and_checks() throws Exception {
        ConformanceRun first = ConformanceRun.of(outerTarget, Optional.empty());
        ConformanceRun second = ConformanceRun.of(innerTarget, Optional.empty());
        CompletableFuture<TestExecutionSummary> a = CompletableFuture.supplyAsync(() -> execute(first, ParallelChecks.class));
        CompletableFuture<TestExecutionSummary> b = CompletableFuture.supplyAsync(() -> execute(second, ParallelChecks.class));
        assertThat(a.get().getTotalFailureCount()).isZero();
        assertThat(b.get().getTotalFailureCount()).isZero();

        for (var run : Map.of(first, outerTarget, second, innerTarget).entrySet()) {
            Map<String, CheckRecord> checks = byId(run.getKey());
            assertThat(checks).containsOnlyKeys("PAR-01");
            assertThat(checks.get("PAR-01").exchanges()).hasSize(10).extracting(Exchange::url)
                    .containsOnly(run.getValue().baseUrl() + "/health");
        }
    }

    private static TestExecutionSummary execute(ConformanceRun run, Class<?> checks) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(checks))
                .configurationParameter(SAMPLE, "true").build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        run.execute(request, summary);
        return summary.getSummary();
    }

    private static Map<String, CheckRecord> byId(ConformanceRun run) {
        return run.recorder().checks().stream().collect(Collectors.toMap(CheckRecord::id, Function.identity()));
    }

    static boolean sample(ExtensionContext context) {
        return context.getConfigurationParameter(SAMPLE).isPresent();
    }

    /** Only run through {@link #execute}: its check runs a whole other run in the middle. */
    @ConformanceTest
    @EnabledIf("com.iduscore.contract.framework.SeparateRunsTest#sample")
    static class OuterChecks {
        static volatile ConformanceRun nested;

        @Check(id = "OUTER-01", title = "runs a nested run", operation = "GET /health", writes = false)
        void runs_a_nested_run(Target target) {
            seenBaseUrl.put("OUTER-01 before", Api.target().baseUrl());
            Api.givenAnonymous().get("/health").then().statusCode(200);

            nested = ConformanceRun.of(innerTarget, Optional.empty());
            TestExecutionSummary inner = execute(nested, InnerChecks.class);
            assertThat(inner.getTotalFailureCount()).isZero();
            assertThat(inner.getTestsSucceededCount()).isEqualTo(2);

            seenBaseUrl.put("OUTER-01 after", Api.target().baseUrl());
            assertThat(target.baseUrl()).isEqualTo(Api.target().baseUrl());
            Api.givenAnonymous().get("/health").then().statusCode(200);
        }
    }

    /** Only run inside {@link OuterChecks}. */
    @ConformanceTest
    @EnabledIf("com.iduscore.contract.framework.SeparateRunsTest#sample")
    static class InnerChecks {
        @Check(id = "INNER-01", title = "health of the inner target", operation = "GET /health", writes = false)
        void health() {
            seenBaseUrl.put("INNER-01", Api.target().baseUrl());
            Api.givenAnonymous().get("/health").then().statusCode(200);
        }

        @TestFactory
        List<DynamicTest> generated() {
            return List.of(Checks.dynamic("INNER-02", "dynamic health", "GET /health", false,
                    () -> Api.givenAnonymous().get("/health").then().statusCode(200)));
        }
    }

    /** Run by two runs at once. */
    @ConformanceTest
    @EnabledIf("com.iduscore.contract.framework.SeparateRunsTest#sample")
    static class ParallelChecks {
        @Check(id = "PAR-01", title = "ten health requests", operation = "GET /health", writes = false)
        void ten_requests() {
            for (int i = 0; i < 10; i++) {
                Api.givenAnonymous().get("/health").then().statusCode(200);
            }
        }
    }
}
