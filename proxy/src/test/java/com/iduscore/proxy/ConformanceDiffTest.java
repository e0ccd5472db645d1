package com.iduscore.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.CheckStatus;
import com.iduscore.contract.report.Exchange;
import com.iduscore.contract.report.JsonReport;
import com.iduscore.contract.report.RunReport;
import com.iduscore.proxy.diff.ConformanceDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stub-vs-real diff over reports in the suite's own format: both inputs are written by the suite's
 * {@link JsonReport} from its {@link RunReport}/{@link CheckRecord}/{@link Exchange}, as a run writes conformance.json.
 */
class ConformanceDiffTest {

    @Test
    void the_diff_of_the_mock_against_a_deviating_mock_names_exactly_the_planted_difference() throws Exception {
        // two runs of the same checks; ids, ports, dates and request ids differ as they do between any two runs
        JsonNode mock = report("http://127.0.0.1:40001", true);
        JsonNode deviating = report("http://127.0.0.1:40002", false);

        JsonNode diff = ConformanceDiff.compare(mock, "mock.json", deviating, "deviating.json");

        assertThat(diff.path("summary").path("checks").asInt()).isEqualTo(3);
        assertThat(diff.path("differences")).hasSize(1);
        JsonNode d = diff.path("differences").get(0);
        assertThat(d.path("id").asText()).isEqualTo("ERR-04");
        assertThat(d.path("kind").asText()).isEqualTo("facts");
        assertThat(d.path("facts")).extracting(JsonNode::asText)
                .containsExactly("GET /v1/jobs/{id}: response headers only in A [x-request-id], only in B []");
        assertThat(d.path("a").path("exchanges").get(0).path("responseHeaders").has("x-request-id")).isTrue();
        assertThat(d.path("b").path("exchanges").get(0).path("responseHeaders").has("x-request-id")).isFalse();
    }

    @Test
    void outcomes_skips_and_missing_checks_are_told_apart() throws Exception {
        List<CheckRecord> a = List.of(check("RES-05", CheckStatus.PASSED, "", 200, "http://h/v1/results/" + UUID.randomUUID(), true, null),
                check("AUTH-01", CheckStatus.PASSED, "", 401, "http://h/v1/jobs/x", true, "INVALID_API_KEY"),
                check("HOOK-01", CheckStatus.PASSED, "", 200, "http://h/v1/submissions", true, null),
                check("VAL-05", CheckStatus.PASSED, "", 400, "http://h/v1/submissions", true, "VALIDATION_ERROR"));
        List<CheckRecord> b = List.of(check("RES-05", CheckStatus.FAILED, "score 1.2 > 1", 200, "http://h/v1/results/" + UUID.randomUUID(), true, null),
                check("AUTH-01", CheckStatus.SKIPPED, "read-only", 401, "http://h/v1/jobs/x", true, "INVALID_API_KEY"),
                check("VAL-05", CheckStatus.PASSED, "", 400, "http://h/v1/submissions", true, "SUBMISSION_VALIDATION_ERROR"));

        JsonNode diff = ConformanceDiff.compare(render("a", a), "a", render("b", b), "b");

        Map<String, String> kinds = new java.util.TreeMap<>();
        diff.path("differences").forEach(d -> kinds.put(d.path("id").asText(), d.path("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("RES-05", "outcome", "AUTH-01", "skipped",
                "HOOK-01", "missing", "VAL-05", "facts"));
        JsonNode val = find(diff, "VAL-05");
        assertThat(val.path("facts").get(0).asText())
                .isEqualTo("POST /v1/submissions: error codes only in A [VALIDATION_ERROR], only in B [SUBMISSION_VALIDATION_ERROR]");
        assertThat(find(diff, "RES-05").path("b").path("detail").asText()).isEqualTo("score 1.2 > 1");
        assertThat(diff.path("summary").path("byKind").path("facts").asInt()).isEqualTo(1);
    }

    @Test
    void a_check_without_exchanges_on_one_side_is_not_a_difference_of_facts() throws Exception {
        CheckRecord bare = new CheckRecord("LIFE-13", "check LIFE-13", "GET", "Test#LIFE-13");
        bare.finish(CheckStatus.PASSED, "");
        JsonNode withExchanges = render("a", List.of(check("LIFE-13", CheckStatus.PASSED, "", 200, "http://h/v1/jobs/" + UUID.randomUUID(), true, null)));

        JsonNode diff = ConformanceDiff.compare(withExchanges, "a", render("b", List.of(bare)), "b");

        assertThat(diff.path("differences")).isEmpty();
        assertThat(diff.path("summary").path("factsNotCompared").asInt()).isEqualTo(1);
    }

    @Test
    void the_diff_command_writes_diff_json_and_html_and_a_bad_file_exits_2_with_one_message(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, report("http://127.0.0.1:1", true).toString());
        Files.writeString(b, report("http://127.0.0.1:2", false).toString());

        StringOutput out = new StringOutput();
        int code = ProxyMain.commandLine().setOut(out.writer()).execute("diff", a.toString(), b.toString(), "--out", dir.resolve("d").toString());

        assertThat(code).isZero();
        assertThat(out.text()).startsWith("1 of 3 checks differ");
        assertThat(PartnerTraffic.JSON.readTree(dir.resolve("d/diff.json").toFile()).path("differences")).hasSize(1);
        assertThat(Files.readString(dir.resolve("d/diff.html"))).contains("ERR-04", "x-request-id");

        StringOutput err = new StringOutput();
        int bad = ProxyMain.commandLine().setErr(err.writer()).execute("diff", a.toString(), dir.resolve("missing.json").toString());
        assertThat(bad).isEqualTo(2);
        assertThat(err.text().strip()).doesNotContain("\n").contains("missing.json is not a file");
    }

    // ------------------------------------------------------------------------------------------------ the suite's format

    /** A three-check report; {@code withRequestId} false plants the deviation: ERR-04's answer lacks x-request-id. */
    private static JsonNode report(String base, boolean withRequestId) throws Exception {
        List<CheckRecord> checks = new ArrayList<>();
        checks.add(check("LIFE-13", CheckStatus.PASSED, "", 200, base + "/v1/jobs/" + UUID.randomUUID(), true, null));
        checks.add(check("ERR-04", CheckStatus.PASSED, "", 404, base + "/v1/jobs/" + UUID.randomUUID(), withRequestId, "NOT_FOUND"));
        checks.add(check("ISO-01", CheckStatus.PASSED, "", 404, base + "/v1/submissions/" + UUID.randomUUID(), true, "NOT_FOUND"));
        return render("run-" + base.hashCode(), checks);
    }

    private static JsonNode render(String runId, List<CheckRecord> checks) throws Exception {
        RunReport run = new RunReport(runId, "stub", "http://127.0.0.1", false, Instant.now(), Instant.now(), checks,
                Optional.empty(), Optional.empty());
        return PartnerTraffic.JSON.readTree(JsonReport.render(run));
    }

    private static CheckRecord check(String id, CheckStatus status, String detail, int code, String url, boolean requestIdHeader,
                                     String errorCode) {
        CheckRecord record = new CheckRecord(id, "check " + id, "GET", "Test#" + id);
        String requestId = UUID.randomUUID().toString();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", "application/json"));
        headers.add(Map.entry("Date", Instant.now().toString()));
        if (requestIdHeader) {
            headers.add(Map.entry("x-request-id", requestId));
        }
        String body = errorCode == null ? "{\"ok\":true}"
                : "{\"error\":{\"code\":\"" + errorCode + "\",\"message\":\"m\",\"requestId\":\"" + requestId + "\"}}";
        String method = url.endsWith("/v1/submissions") ? "POST" : "GET";
        record.addExchange(new Exchange(Instant.now(), method, url, List.of(Map.entry("X-Api-Key", "idu_…****")), null, code,
                headers, body, 3, "curl " + url));
        record.finish(status, detail);
        return record;
    }

    private static JsonNode find(JsonNode diff, String id) {
        for (JsonNode d : diff.path("differences")) {
            if (d.path("id").asText().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("no difference for " + id);
    }

    /** A PrintWriter whose text the test reads. */
    static final class StringOutput {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintWriter writer = new PrintWriter(bytes, true);

        PrintWriter writer() {
            return writer;
        }

        String text() {
            writer.flush();
            return bytes.toString();
        }
    }
}
