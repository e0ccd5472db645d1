package com.iduscore.contract.framework;

import com.iduscore.contract.report.Baseline;
import com.iduscore.contract.report.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.iduscore.contract.report.CheckStatus.FAILED;
import static com.iduscore.contract.report.CheckStatus.PASSED;
import static com.iduscore.contract.report.CheckStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineGateTest {

    private final Baseline baseline = Baseline.of(ordered(
            "AUTH-01", PASSED, "IDEM-03", FAILED, "HOOK-02", FAILED, "LIFE-01", SKIPPED, "DRIFT-01", PASSED));

    @Test
    void fails_the_gate_for_a_check_that_passed_before_and_fails_now() {
        Baseline.Comparison c = baseline.compare(ordered("AUTH-01", FAILED, "IDEM-03", FAILED, "HOOK-02", FAILED,
                "LIFE-01", SKIPPED, "DRIFT-01", PASSED));

        assertThat(c.regressions()).containsExactly("AUTH-01");
        assertThat(c.gatePasses()).isFalse();
    }

    @Test
    void lets_a_check_through_that_failed_in_the_baseline_too() {
        Baseline.Comparison c = baseline.compare(ordered("AUTH-01", PASSED, "IDEM-03", FAILED, "HOOK-02", FAILED,
                "LIFE-01", SKIPPED, "DRIFT-01", PASSED));

        assertThat(c.knownFailures()).containsExactly("IDEM-03", "HOOK-02");
        assertThat(c.regressions()).isEmpty();
        assertThat(c.gatePasses()).isTrue();
        assertThat(baseline.isKnownFailure("IDEM-03")).isTrue();
        assertThat(baseline.isKnownFailure("AUTH-01")).isFalse();
    }

    @Test
    void lists_the_checks_that_newly_pass() {
        Baseline.Comparison c = baseline.compare(ordered("AUTH-01", PASSED, "IDEM-03", PASSED, "HOOK-02", FAILED,
                "LIFE-01", PASSED, "DRIFT-01", PASSED));

        assertThat(c.newlyPassing()).containsExactly("IDEM-03");
        assertThat(c.gatePasses()).isTrue();
    }

    @Test
    void treats_a_check_skipped_in_the_baseline_and_failing_now_as_a_regression() {
        Baseline.Comparison c = baseline.compare(ordered("LIFE-01", FAILED));

        assertThat(c.regressions()).containsExactly("LIFE-01");
        assertThat(baseline.isKnownFailure("LIFE-01")).isFalse();
    }

    @Test
    void fails_the_gate_for_a_new_check_that_fails_and_reports_checks_not_run() {
        Baseline.Comparison c = baseline.compare(ordered("AUTH-01", PASSED, "NEW-01", FAILED));

        assertThat(c.newFailures()).containsExactly("NEW-01");
        assertThat(c.gatePasses()).isFalse();
        assertThat(c.notRun()).containsExactly("IDEM-03", "HOOK-02", "LIFE-01", "DRIFT-01");
    }

    @Test
    void reads_a_conformance_json_as_a_baseline(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("conformance.json");
        Files.writeString(file, """
                {"target":{"baseUrl":"http://x","kind":"url"},"startedAt":"2026-04-27T00:00:00Z",
                 "summary":{"passed":1,"failed":1,"skipped":0},
                 "checks":[{"id":"AUTH-01","title":"t","operation":"GET /health","status":"passed","detail":""},
                           {"id":"IDEM-03","title":"t","operation":"POST /v1/submissions","status":"failed","detail":"409"}]}
                """);

        Baseline loaded = Baseline.load(file);

        assertThat(loaded.statusOf("AUTH-01")).contains(PASSED);
        assertThat(loaded.isKnownFailure("IDEM-03")).isTrue();
        assertThat(Baseline.fromEnvironment(Map.of("IDUSCORE_BASELINE", file.toString()))).isPresent();
        assertThat(Baseline.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void explains_a_baseline_path_that_is_not_a_report(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Baseline.load(dir.resolve("missing.json")))
                .hasMessageContaining("IDUSCORE_BASELINE points at").hasMessageContaining("reports/latest/conformance.json");
        Path notReport = Files.writeString(dir.resolve("other.json"), "{\"hello\":1}");
        assertThatThrownBy(() -> Baseline.load(notReport)).hasMessageContaining("has no \"checks\" array");
    }

    private static Map<String, CheckStatus> ordered(Object... pairs) {
        Map<String, CheckStatus> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (CheckStatus) pairs[i + 1]);
        }
        return map;
    }
}
