package com.iduscore.contract.framework;

import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.CheckStatus;
import com.iduscore.contract.report.Coverage;
import com.iduscore.contract.report.ReportFiles;
import com.iduscore.contract.report.RunRecorder;
import com.iduscore.contract.report.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML page from its template, and junit.xml from StAX: warned checks, escaping, coverage. */
class ReportTemplateTest {

    @Test
    void a_warned_check_shows_as_passing_with_its_rule_and_message_in_html_and_junit_xml(@TempDir Path reports) throws Exception {
        Path dir = ReportFiles.write(run(), reports);

        String html = Files.readString(dir.resolve("conformance.html"));
        assertThat(html).contains("<span class=\"badge warn\">WARN</span> HDR-04")
                .contains("<span class=\"rule\">CONTRACT.md O2</span> offset written as +00:00 &amp; not Z");
        Document xml = ReportFilesTest.parse(dir.resolve("junit.xml"));
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("WARNING (CONTRACT.md O2): offset written as +00:00 & not Z");
    }

    @Test
    void every_value_is_escaped_once_by_the_template_and_the_page_stays_well_formed(@TempDir Path reports) throws Exception {
        Path dir = ReportFiles.write(run(), reports);

        String html = Files.readString(dir.resolve("conformance.html"));
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert")
                .doesNotContain("&amp;lt;");
        Document page = ReportFilesTest.parse(dir.resolve("conformance.html"));
        assertThat(page.getElementsByTagName("article").getLength()).isEqualTo(2); // the warning and the failure
        Document xml = ReportFilesTest.parse(dir.resolve("junit.xml"));
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).contains("<script>alert('x')</script>\u0001".replace('\u0001', '?'));
    }

    @Test
    void the_page_shows_coverage_as_seen_over_declared_with_what_was_not_seen(@TempDir Path reports) throws Exception {
        Path dir = ReportFiles.write(run(), reports);

        String html = Files.readString(dir.resolve("conformance.html"));
        assertThat(html).contains("<b>operations</b> 1/").contains("not seen: <code>")
                .containsPattern("<b>response codes</b> 1/\\d+, not seen: <code>[^<]*GET /v1/jobs/\\{jobId\\} 200");
    }

    private static RunReport run() {
        RunRecorder recorder = new RunRecorder();
        recorder.target("url", "http://127.0.0.1:40001");
        CheckRecord warned = recorder.begin("HDR-04", "Timestamps are UTC", "GET /v1/jobs/{jobId}", "HeaderChecks#utc");
        warned.warn("CONTRACT.md O2", "offset written as +00:00 & not Z");
        warned.finish(CheckStatus.PASSED, "");
        CheckRecord failed = recorder.begin("ERR-01", "Title <script>alert('x')</script>", "GET /v1/jobs/{jobId}", "E#x");
        failed.finish(CheckStatus.FAILED, "got <script>alert('x')</script>\u0001");
        recorder.coverage().observe("GET", "http://127.0.0.1:40001/v1/jobs/abc", 404, null);
        RunReport base = RunReport.of("20260427T101530Z-url", recorder, Instant.parse("2026-04-27T10:15:41Z"), Optional.empty());
        assertThat(base.coverage()).map(Coverage.Report::operations).isPresent();
        assertThat(base.checks()).extracting(CheckRecord::status).isEqualTo(List.of(CheckStatus.WARNED, CheckStatus.FAILED));
        return base;
    }
}
