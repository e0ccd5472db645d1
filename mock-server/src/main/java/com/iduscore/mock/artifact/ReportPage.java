package com.iduscore.mock.artifact;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.iduscore.mock.domain.artifact.ReportContent;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The report as one self-contained HTML5 page (inline CSS, no scripts, no external resources), from the Mustache
 * template {@code report.html.mustache}; the HTML report is this page and the PDF is this page laid out by
 * openhtmltopdf. Mustache escapes every {@code {{value}}}, since {@code partnerSubmissionId} is partner-controlled
 * text. The template is well-formed XML too (void elements closed), because openhtmltopdf parses it as XHTML.
 */
final class ReportPage {
    private static final String TEMPLATE = "com/iduscore/mock/artifact/report.html.mustache";
    /** Compiled once; a compiled Mustache is thread-safe. */
    private static final Mustache PAGE = new DefaultMustacheFactory().compile(TEMPLATE);

    private ReportPage() {
    }

    /**
     * The page for {@code content}, every value from the submission passed through {@code text} first (the PDF needs
     * characters its fonts can show; both need C0 controls gone, which no HTML or XML document may hold).
     */
    static String render(ReportContent content, UnaryOperator<String> text) {
        UnaryOperator<String> clean = value -> text.apply(withoutControls(value));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", ReportWording.TITLE);
        page.put("fields", List.of(
                field("Result ID", String.valueOf(content.resultId()), clean),
                field("Submission ID", String.valueOf(content.submissionId()), clean),
                field("Partner submission ID", ReportWording.orNone(content.partnerSubmissionId()), clean),
                field("Completed at", ReportWording.timestampOrNotCompleted(content.completedAt()), clean)));
        List<Map<String, String>> outcomes = new ArrayList<>();
        for (ReportContent.Outcome outcome : ReportWording.outcomes(content)) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("focus", clean.apply(outcome.focus()));
            row.put("outcomeId", clean.apply(outcome.outcomeId()));
            row.put("score", ReportWording.score(outcome.score()));
            row.put("tier", clean.apply(outcome.tier()));
            row.put("bandLabel", clean.apply(outcome.bandLabel()));
            row.put("referencePlacementLabel", clean.apply(outcome.referencePlacementLabel()));
            row.put("outcomeStatus", clean.apply(outcome.outcomeStatus()));
            outcomes.add(row);
        }
        page.put("outcomes", outcomes);
        List<String> notices = ReportWording.notices(content).stream().map(clean).toList();
        page.put("notices", notices);
        page.put("hasNotices", !notices.isEmpty());
        page.put("noNotices", ReportWording.NO_NOTICES);
        page.put("disclaimer", ReportWording.DISCLAIMER);

        StringWriter html = new StringWriter(8192);
        try {
            PAGE.execute(html, page).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }

    private static Map<String, String> field(String term, String value, UnaryOperator<String> clean) {
        return Map.of("term", term, "value", clean.apply(value));
    }

    /** Drops the C0 controls except tab, line feed and carriage return; {@code null} becomes "". */
    static String withoutControls(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
