package com.iduscore.contract.framework;

import com.iduscore.contract.api.Api;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.RunRecorder;
import com.iduscore.contract.report.ConformanceReportListener;
import com.iduscore.contract.run.ConformanceRun;
import com.iduscore.contract.target.RunEnvironment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * How the run reads its configuration: a misconfigured run stops once with one message and writes no report; options
 * (system properties) win over the environment; check selection; relative paths from the launch directory.
 * Isolated: it sets {@code IDUSCORE_*} system properties (each sample run is a {@link ConformanceRun} of its own).
 */
@Isolated
class RunConfigurationTest {

    static volatile boolean inside;

    static boolean inside() {
        return inside;
    }

    @Test
    void a_missing_variable_fails_one_class_once_with_one_message_records_no_check_and_writes_no_report(@TempDir Path reports)
            throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConformanceRun conformance = ConformanceRun.of(null, Optional.empty()); // the run starts its target from the variables
        TestExecutionSummary summary;
        try (Properties ignored = Properties.set(Map.of("IDUSCORE_TARGET", "url", "IDUSCORE_REPORTS_DIR", reports.toString()))) {
            summary = run(conformance, new ConformanceReportListener(new PrintStream(console, true, StandardCharsets.UTF_8),
                    conformance), FirstChecks.class, SecondChecks.class);
        }
        RunRecorder recorder = conformance.recorder();

        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException())
                .hasMessageContaining("IDUSCORE_BASE_URL (--base-url)").hasMessageContaining("IDUSCORE_API_KEY (--api-key)");
        assertThat(summary.getTestsStartedCount()).isZero();
        assertThat(recorder.checks()).isEmpty();
        try (Stream<Path> written = Files.list(reports)) {
            assertThat(written).isEmpty();
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("failed");
    }

    @Test
    void runs_and_records_only_the_selected_checks_static_and_generated_alike() throws Exception {
        FakeDeployment fake = new FakeDeployment(true);
        ConformanceRun conformance = ConformanceRun.of(fake, Optional.empty());
        TestExecutionSummary summary;
        try (Properties ignored = Properties.set(Map.of("IDUSCORE_CHECKS", "ONE,TWO-02", "IDUSCORE_EXCLUDE", "ONE-02"))) {
            summary = run(conformance, new SummaryGeneratingListener(), FirstChecks.class, SecondChecks.class);
        } finally {
            fake.close();
        }
        RunRecorder recorder = conformance.recorder();

        assertThat(recorder.checks()).extracting(CheckRecord::id).containsExactlyInAnyOrder("ONE-01", "TWO-02");
        assertThat(summary.getTotalFailureCount()).isZero();
    }

    @Test
    void a_variable_given_as_a_system_property_wins_over_the_environment() throws Exception {
        String name = System.getenv().keySet().stream().filter(n -> n.startsWith("IDUSCORE_")).findFirst().orElse("IDUSCORE_RESULT_TIMEOUT");
        try (Properties ignored = Properties.set(Map.of(name, "from-the-option"))) {
            assertThat(RunEnvironment.variables()).containsEntry(name, "from-the-option");
        }
    }

    @Test
    void a_relative_path_resolves_from_the_launch_directory_not_from_the_module(@TempDir Path launch) throws Exception {
        try (Properties ignored = Properties.set(Map.of(RunEnvironment.LAUNCH_DIR, launch.toString()))) {
            assertThat(RunEnvironment.resolve("reports/latest/conformance.json"))
                    .isEqualTo(launch.resolve("reports/latest/conformance.json"));
            assertThat(RunEnvironment.resolve("/abs/baseline.json")).isEqualTo(Path.of("/abs/baseline.json"));
        }
    }

    @Test
    void maven_passes_the_directory_mvn_was_started_in() {
        // surefire runs in contract-tests/; the pom hands the launching shell's directory over
        assertThat(System.getProperty(RunEnvironment.LAUNCH_DIR)).as("set by contract-tests/pom.xml").isNotBlank();
        assertThat(Path.of(System.getProperty(RunEnvironment.LAUNCH_DIR))).isDirectory();
    }

    private static TestExecutionSummary run(ConformanceRun conformance, org.junit.platform.launcher.TestExecutionListener listener,
                                            Class<?>... classes) {
        inside = true;
        try {
            SummaryGeneratingListener summary = listener instanceof SummaryGeneratingListener s ? s : new SummaryGeneratingListener();
            var request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(Stream.of(classes).map(c -> selectClass(c)).toList())
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build();
            if (listener == summary) {
                conformance.execute(request, summary);
            } else {
                conformance.execute(request, listener, summary);
            }
            return summary.getSummary();
        } finally {
            inside = false;
        }
    }

    /** Sets system properties until closed, then restores what was there. */
    private interface Properties extends AutoCloseable {
        @Override
        void close();

        static Properties set(Map<String, String> values) {
            Map<String, String> previous = new java.util.HashMap<>();
            values.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
            return () -> previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    @ConformanceTest
    @EnabledIf("com.iduscore.contract.framework.RunConfigurationTest#inside")
    static class FirstChecks {
        @Check(id = "ONE-01", title = "health", operation = "GET /health", writes = false)
        void one() {
            Api.givenAnonymous().get("/health").then().statusCode(200);
        }

        @Check(id = "ONE-02", title = "health again", operation = "GET /health", writes = false)
        void two() {
            Api.givenAnonymous().get("/health").then().statusCode(200);
        }
    }

    @ConformanceTest
    @EnabledIf("com.iduscore.contract.framework.RunConfigurationTest#inside")
    static class SecondChecks {
        @TestFactory
        List<DynamicTest> generated() {
            return List.of(
                    Checks.dynamic("TWO-01", "first", "GET /health", false, () -> Api.givenAnonymous().get("/health")),
                    Checks.dynamic("TWO-02", "second", "GET /health", false, () -> Api.givenAnonymous().get("/health")));
        }
    }
}
