package com.iduscore.contract.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.contract.target.DemoTenants;
import com.iduscore.contract.target.MockJarProcess;
import com.iduscore.contract.target.ReactorPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance jar as a CI engineer runs it: {@code java -jar iduscore-conformance.jar …} as its own process, in a
 * working directory outside the repository, no Maven. Runs after {@code package} (surefire execution
 * {@code conformance-jar}, phase {@code integration-test}); the jar and the mock jar come as system properties.
 */
class ConformanceJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String API_KEY = "idu_demo_a1";
    private static final String PARTNER_ID = "0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a";

    private static Path jar;
    private static Path mockJar;
    /** A mock on the real clock, as a deployment would be: the jar reaches it in URL mode. */
    private static MockJarProcess mock;

    @BeforeAll
    static void start_a_real_clock_mock(@TempDir Path logs) {
        // set only by the integration-test execution: -Dtest=ConformanceJarIT also reaches the default execution, which
        // runs before package, when the jar does not exist yet (or is stale)
        assumeTrue(System.getProperty("iduscore.conformance.jar") != null, "runs in the integration-test phase, after package");
        jar = Path.of(System.getProperty("iduscore.conformance.jar")).toAbsolutePath();
        mockJar = Path.of(System.getProperty("iduscore.mock.jar")).toAbsolutePath();
        assertThat(jar).as("the conformance jar (mvn package builds it)").isRegularFile();
        assertThat(mockJar).as("the mock jar (mvn package builds it)").isRegularFile();
        mock = MockJarProcess.start(mockJar, DemoTenants.load().document(), List.of(), logs.resolve("mock.log"));
    }

    @AfterAll
    static void stop_the_mock() {
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void runs_every_check_against_the_stub_from_another_directory_with_the_verdicts_of_the_maven_run(@TempDir Path cwd)
            throws Exception {
        // the Maven run of this build (surefire's default execution, before package) left its report at reports/latest
        Path mavenReport = ReactorPaths.root().resolve("reports/latest/conformance.json");
        assumeTrue(Files.isRegularFile(mavenReport) && "stub".equals(JSON.readTree(mavenReport.toFile()).path("target").path("kind").asText())
                        && verdicts(mavenReport).size() > 200,
                "no full Maven stub run in this build to compare with (was -Dtest given?)");

        Run run = java(cwd, "--target", "stub", "--mock-jar", mockJar.toString(), "--report-dir", "out");

        assertThat(run.exit).as(run.toString()).isZero();
        Path latest = cwd.resolve("out/latest");
        for (String file : List.of("conformance.json", "conformance.html", "junit.xml", "requests.log", "RUN")) {
            assertThat(latest.resolve(file)).as(file).isRegularFile();
        }
        assertThat(run.stdout).contains("[conformance] AUTH ").contains("[conformance] report: ");
        Map<String, String> jarVerdicts = verdicts(latest.resolve("conformance.json"));
        assertThat(jarVerdicts).hasSizeGreaterThan(200);
        assertThat(jarVerdicts).isEqualTo(verdicts(mavenReport));
    }

    @Test
    void checks_a_real_clock_deployment_by_url_and_prints_a_line_per_group_then_the_summary(@TempDir Path cwd) throws Exception {
        Run run = java(cwd, "--base-url", mock.baseUrl(), "--api-key", API_KEY, "--partner-id", PARTNER_ID,
                "--checks", "AUTH,ROUTE,PLAT");

        assertThat(run.exit).as(run.toString()).isZero();
        assertThat(run.stdout).containsPattern("\\[conformance\\] AUTH +\\d+ passed, 0 warned, 0 failed, \\d+ skipped")
                .containsPattern("\\[conformance\\] ROUTE +\\d+ passed").containsPattern("\\[conformance\\] PLAT +\\d+ passed")
                .contains("against url " + mock.baseUrl());
        JsonNode report = JSON.readTree(cwd.resolve("reports/latest/conformance.json").toFile());
        assertThat(report.path("target").path("kind").asText()).isEqualTo("url");
        assertThat(verdicts(cwd.resolve("reports/latest/conformance.json")).keySet())
                .allMatch(id -> id.startsWith("AUTH-") || id.startsWith("ROUTE-") || id.startsWith("PLAT-"));
    }

    @Test
    void exits_1_when_a_check_fails_and_0_when_a_relative_baseline_from_the_working_directory_knows_that_failure(
            @TempDir Path cwd) throws Exception {
        String[] wrongKey = {"--base-url", mock.baseUrl(), "--api-key", "idu_not_a_key", "--partner-id", PARTNER_ID,
                "--checks", "AUTH-05", "--report-dir", "first"};
        Run failing = java(cwd, wrongKey);
        assertThat(failing.exit).as(failing.toString()).isEqualTo(1);
        assertThat(failing.stdout).contains("FAILED AUTH-05");

        Files.createDirectories(cwd.resolve("baselines"));
        Files.copy(cwd.resolve("first/latest/conformance.json"), cwd.resolve("baselines/api-test.json"));
        List<String> again = new ArrayList<>(List.of(wrongKey));
        again.set(again.indexOf("first"), "second");
        again.addAll(List.of("--baseline", "baselines/api-test.json"));
        Run known = java(cwd, again.toArray(String[]::new));
        assertThat(known.exit).as(known.toString()).isZero();
        assertThat(known.stdout).contains("1 known failures").contains("gate passes");
    }

    @Test
    void a_missing_required_option_stops_with_one_message_exit_2_and_no_report(@TempDir Path cwd) throws Exception {
        Run run = java(cwd, "--base-url", mock.baseUrl());

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr.strip().lines()).singleElement().asString()
                .contains("IDUSCORE_API_KEY (--api-key)").contains("IDUSCORE_PARTNER_ID (--partner-id)");
        assertThat(run.stdout).isEmpty();
        assertThat(cwd.resolve("reports")).doesNotExist();
    }

    @Test
    void lists_the_catalogue_with_id_operation_and_title_without_a_target(@TempDir Path cwd) throws Exception {
        Run run = java(cwd, "--list");

        assertThat(run.exit).as(run.toString()).isZero();
        assertThat(run.stdout).containsPattern("AUTH-05 +GET /v1/partner-auth-probe +\\S")
                .containsPattern("IDEM-03 +POST /v1/submissions +\\S");
        assertThat(cwd.resolve("reports")).doesNotExist();
    }

    private static Map<String, String> verdicts(Path conformanceJson) throws IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (JsonNode check : JSON.readTree(conformanceJson.toFile()).path("checks")) {
            verdicts.put(check.path("id").asText(), check.path("status").asText()
                    + (check.path("knownFailure").asBoolean() ? " (known)" : ""));
        }
        return new java.util.TreeMap<>(verdicts);
    }

    private record Run(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** {@code java -jar iduscore-conformance.jar args} in {@code cwd}, with no IDUSCORE_* variable inherited. */
    private static Run java(Path cwd, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(cwd.resolve(".stdout").toFile()).redirectError(cwd.resolve(".stderr").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("IDUSCORE_"));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not finish within 5 minutes: " + command);
        }
        Run run = new Run(process.exitValue(), Files.readString(cwd.resolve(".stdout"), StandardCharsets.UTF_8),
                Files.readString(cwd.resolve(".stderr"), StandardCharsets.UTF_8));
        Files.delete(cwd.resolve(".stdout"));
        Files.delete(cwd.resolve(".stderr"));
        return run;
    }
}
