package com.iduscore.contract.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.contract.report.Baseline;
import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.CheckStatus;
import com.iduscore.contract.report.Exchange;
import com.iduscore.contract.report.ReportFiles;
import com.iduscore.contract.report.RunRecorder;
import com.iduscore.contract.report.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writes_json_html_and_junit_xml_for_the_run_and_for_latest(@TempDir Path reports) throws Exception {
        RunReport run = sampleRun(Optional.empty());

        Path dir = ReportFiles.write(run, reports);

        assertThat(dir.getFileName().toString()).isEqualTo("20260427T101530Z-stub");
        for (String file : ReportFiles.FILES) {
            assertThat(dir.resolve(file)).isRegularFile();
            assertThat(reports.resolve("latest").resolve(file)).hasSameTextualContentAs(dir.resolve(file));
        }
        assertThat(reports.resolve("latest/RUN")).content().contains("20260427T101530Z-stub");
    }

    @Test
    void the_request_log_lists_every_request_of_every_check(@TempDir Path reports) throws Exception {
        String log = Files.readString(ReportFiles.write(sampleRun(Optional.empty()), reports).resolve("requests.log"));

        assertThat(log).contains("== HEALTH-01 PASSED", "== IDEM-03 FAILED", "== HOOK-02 FAILED (known)", "== LIFE-01 SKIPPED",
                "POST http://127.0.0.1:40001/v1/submissions -> 202 (12 ms)");
    }

    @Test
    void a_second_run_with_the_same_id_gets_its_own_folder_and_replaces_latest(@TempDir Path reports) throws Exception {
        Path first = ReportFiles.write(sampleRun(Optional.empty()), reports);
        Path second = ReportFiles.write(sampleRun(Optional.empty()), reports);

        assertThat(second).isNotEqualTo(first);
        assertThat(reports.resolve("latest/RUN")).content().contains(second.getFileName().toString());
    }

    @Test
    void conformance_json_has_the_documented_shape_and_counts(@TempDir Path reports) throws Exception {
        JsonNode json = JSON.readTree(ReportFiles.write(sampleRun(Optional.empty()), reports).resolve("conformance.json").toFile());

        assertThat(json.at("/target/kind").asText()).isEqualTo("stub");
        assertThat(json.at("/target/baseUrl").asText()).isEqualTo("http://127.0.0.1:40001");
        assertThat(json.at("/target/readOnly").asBoolean()).isFalse();
        assertThat(json.at("/startedAt").asText()).isEqualTo("2026-04-27T10:15:30Z");
        assertThat(json.at("/summary/passed").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/failed").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/skipped").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/knownFailures").asInt()).isEqualTo(1);
        assertThat(json.at("/checks")).hasSize(4);
        JsonNode failed = json.at("/checks/1");
        assertThat(failed.path("id").asText()).isEqualTo("IDEM-03");
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("operation").asText()).isEqualTo("POST /v1/submissions");
        assertThat(failed.path("detail").asText()).contains("expected 409");
        assertThat(failed.path("knownFailure").asBoolean()).isFalse();
        assertThat(failed.at("/exchanges/0/curl").asText()).startsWith("curl -sS -i -X POST");
        assertThat(json.at("/checks/2/knownFailure").asBoolean()).isTrue();
        assertThat(json.at("/checks/3/status").asText()).isEqualTo("skipped");
        assertThat(json.at("/checks/3/detail").asText()).isEqualTo("IDUSCORE_READ_ONLY=true: this check would POST");
        assertThat(json.at("/timeToResult/count").asInt()).isEqualTo(3);
        assertThat(json.at("/timeToResult/p50Ms").asLong()).isEqualTo(2000);
        assertThat(json.at("/timeToResult/p95Ms").asLong()).isEqualTo(9000);
    }

    @Test
    void no_api_key_reaches_any_report_file(@TempDir Path reports) throws Exception {
        Path dir = ReportFiles.write(sampleRun(Optional.empty()), reports);

        for (String file : ReportFiles.FILES) {
            assertThat(Files.readString(dir.resolve(file))).doesNotContain("idu_demo_a1").doesNotContain("idu_demo_b1");
        }
        assertThat(Files.readString(dir.resolve("conformance.html"))).contains("X-Api-Key: idu_…****");
    }

    @Test
    void the_html_page_is_well_formed_self_contained_and_shows_each_failure_with_its_curl_line(@TempDir Path reports)
            throws Exception {
        Path html = ReportFiles.write(sampleRun(Optional.empty()), reports).resolve("conformance.html");

        Document doc = parse(html);
        String text = doc.getDocumentElement().getTextContent();
        String source = Files.readString(html);
        assertThat(text).contains("IDEM-03", "Same key, other body", "curl -sS -i -X POST", "p50", "p95", "By operation",
                "By check group", "POST /v1/submissions", "The run fails");
        assertThat(source).doesNotContain("<script", "src=\"http", "href=\"http", "<link");
    }

    @Test
    void junit_xml_is_well_formed_and_counts_a_known_failure_as_skipped(@TempDir Path reports) throws Exception {
        Document doc = parse(ReportFiles.write(sampleRun(Optional.empty()), reports).resolve("junit.xml"));

        var suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        assertThat(doc.getElementsByTagName("failure").item(0).getTextContent()).contains("expected 409", "Reproduce: curl");
    }

    @Test
    void the_report_lists_regressions_and_newly_passing_checks_of_the_baseline_gate(@TempDir Path reports) throws Exception {
        Baseline baseline = Baseline.of(Map.of("HEALTH-01", CheckStatus.FAILED, "IDEM-03", CheckStatus.PASSED,
                "HOOK-02", CheckStatus.FAILED));
        Path dir = ReportFiles.write(sampleRun(Optional.of(baseline)), reports);

        JsonNode json = JSON.readTree(dir.resolve("conformance.json").toFile());
        assertThat(json.at("/baseline/regressions").toString()).isEqualTo("[\"IDEM-03\"]");
        assertThat(json.at("/baseline/newlyPassing").toString()).isEqualTo("[\"HEALTH-01\"]");
        assertThat(json.at("/baseline/knownFailures").toString()).isEqualTo("[\"HOOK-02\"]");
        assertThat(parse(dir.resolve("conformance.html")).getDocumentElement().getTextContent())
                .contains("Baseline gate", "Regressions", "Newly passing (failed before)");
    }

    @Test
    void percentiles_use_the_nearest_rank() {
        assertThat(RunReport.percentile(List.of(), 50)).isEmpty();
        assertThat(RunReport.percentile(List.of(7L), 95)).contains(7L);
        assertThat(RunReport.percentile(List.of(1L, 2L, 3L, 4L), 50)).contains(2L);
        List<Long> hundred = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        assertThat(RunReport.percentile(hundred, 95)).contains(95L);
    }

    @Test
    void a_check_that_never_finished_is_reported_failed_never_passed() {
        RunRecorder recorder = new RunRecorder();
        recorder.begin("LIFE-09", "hangs", "GET /v1/jobs/{jobId}", "x");

        RunReport run = RunReport.of("r", recorder, Instant.now(), Optional.empty());

        assertThat(run.checks().get(0).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(run.gateFails()).isTrue();
    }

    /** passed, failed (with an exchange), failed but known, skipped; three times to result. */
    static RunReport sampleRun(Optional<Baseline> baseline) {
        RunRecorder recorder = new RunRecorder();
        recorder.target("stub", "http://127.0.0.1:40001");
        CheckRecord passed = recorder.begin("HEALTH-01", "Health answers ok", "GET /health", "HealthChecks#ok");
        passed.addTimeToResult("s1", Duration.ofSeconds(2));
        passed.addTimeToResult("s2", Duration.ofSeconds(1));
        passed.addTimeToResult("s3", Duration.ofSeconds(9));
        passed.finish(CheckStatus.PASSED, "");
        CheckRecord failed = recorder.begin("IDEM-03", "Same key, other body <answers> 409 & \"conflict\"",
                "POST /v1/submissions", "IdempotencyChecks#conflict");
        failed.addExchange(new Exchange(Instant.parse("2026-04-27T10:15:31Z"), "POST", "http://127.0.0.1:40001/v1/submissions",
                List.of(Map.entry("X-Api-Key", "idu_…****"), Map.entry("Idempotency-Key", "k1")),
                "{\"partnerId\":\"p\"}", 202, List.of(Map.entry("x-request-id", "r1")), "{\"submissionId\":\"s\"}", 12,
                "curl -sS -i -X POST 'http://127.0.0.1:40001/v1/submissions' -H 'X-Api-Key: idu_…****'"));
        failed.finish(CheckStatus.FAILED, "expected 409 IDEMPOTENCY_CONFLICT but got 202 (key idu_demo_a1)");
        CheckRecord known = recorder.begin("HOOK-02", "Webhook retried", "webhook result.ready", "WebhookChecks#retry");
        known.finish(CheckStatus.FAILED, "no retry; sent with X-Api-Key: idu_demo_b1");
        known.markKnownFailure();
        CheckRecord skipped = recorder.begin("LIFE-01", "Lifecycle", "GET /v1/submissions/{submissionId}", "LifeChecks#x");
        skipped.finish(CheckStatus.SKIPPED, "IDUSCORE_READ_ONLY=true: this check would POST");
        return new RunReport("20260427T101530Z-stub", "stub", "http://127.0.0.1:40001", false,
                Instant.parse("2026-04-27T10:15:30Z"), Instant.parse("2026-04-27T10:15:41Z"), recorder.checks(),
                baseline.map(Baseline::source), baseline.map(b -> b.compare(RunReport.statuses(recorder.checks()))));
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
