package com.iduscore.mock.artifact;

import com.iduscore.mock.domain.artifact.ReportContent;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report as one self-contained HTML5 page (inline CSS, no scripts, no external resources). Every value from the
 * submission is escaped, since {@code partnerSubmissionId} is partner-controlled text.
 */
final class HtmlReportWriter {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2rem auto;\
            max-width:60rem;padding:0 1rem;color:#1d2433;line-height:1.45}
            h1{font-size:1.6rem;margin-bottom:.25rem}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
            dt{font-weight:600}dd{margin:0;word-break:break-all}
            table{border-collapse:collapse;width:100%;margin:1rem 0}
            caption{text-align:left;font-weight:600;padding-bottom:.5rem}
            th,td{border:1px solid #c9d1e0;padding:.4rem .6rem;text-align:left;vertical-align:top}
            th{background:#eef2f8}td.score{font-variant-numeric:tabular-nums;text-align:right}
            .disclaimer{border-left:4px solid #8a94a8;padding:.5rem 1rem;background:#f6f7fa}
            """;

    byte[] write(ReportContent content) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(ReportWording.TITLE)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(ReportWording.TITLE)).append("</h1>\n");

        page.append("<dl>\n");
        definition(page, "Result ID", String.valueOf(content.resultId()));
        definition(page, "Submission ID", String.valueOf(content.submissionId()));
        definition(page, "Partner submission ID", ReportWording.orNone(content.partnerSubmissionId()));
        definition(page, "Completed at", ReportWording.timestampOrNotCompleted(content.completedAt()));
        page.append("</dl>\n");

        page.append("<table>\n<caption>Wellbeing outcomes</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Outcome</th><th scope=\"col\">Outcome ID</th><th scope=\"col\">Score</th>")
                .append("<th scope=\"col\">Tier</th><th scope=\"col\">Band</th>")
                .append("<th scope=\"col\">Reference placement</th><th scope=\"col\">Status</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (ReportContent.Outcome outcome : ReportWording.outcomes(content)) {
            page.append("<tr><th scope=\"row\">").append(escape(outcome.focus())).append("</th>")
                    .append("<td><code>").append(escape(outcome.outcomeId())).append("</code></td>")
                    .append("<td class=\"score\">").append(ReportWording.score(outcome.score())).append("</td>")
                    .append("<td>").append(escape(outcome.tier())).append("</td>")
                    .append("<td>").append(escape(outcome.bandLabel())).append("</td>")
                    .append("<td>").append(escape(outcome.referencePlacementLabel())).append("</td>")
                    .append("<td>").append(escape(outcome.outcomeStatus())).append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n");

        page.append("<section>\n<h2>Notices</h2>\n");
        List<String> notices = ReportWording.notices(content);
        if (notices.isEmpty()) {
            page.append("<p>").append(escape(ReportWording.NO_NOTICES)).append("</p>\n");
        } else {
            page.append("<ul>\n");
            notices.forEach(notice -> page.append("<li>").append(escape(notice)).append("</li>\n"));
            page.append("</ul>\n");
        }
        page.append("</section>\n");

        page.append("<p class=\"disclaimer\">").append(escape(ReportWording.DISCLAIMER)).append("</p>\n")
                .append("</main>\n</body>\n</html>\n");
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void definition(StringBuilder page, String term, String value) {
        page.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    /** Escapes the five characters that matter in element content and quoted attributes, and drops C0 controls. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // other C0 controls are not allowed in an HTML document at all
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
