package com.iduscore.mock.artifact;

import com.iduscore.mock.domain.artifact.ReportContent;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** The report as the self-contained HTML5 page of {@link ReportPage}, in UTF-8. */
final class HtmlReportWriter {
    byte[] write(ReportContent content) {
        return ReportPage.render(content, UnaryOperator.identity()).getBytes(StandardCharsets.UTF_8);
    }
}
