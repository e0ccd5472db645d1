package com.iduscore.mock.artifact;

import com.iduscore.mock.domain.artifact.ArtifactKind;
import com.iduscore.mock.domain.artifact.ArtifactRenderer;
import com.iduscore.mock.domain.artifact.ReportContent;

import java.util.Objects;

/**
 * Renders a result's report as a real file a partner can open: pretty JSON, a self-contained HTML5 page, or a one-page
 * A4 PDF. All three show the same thing (ids, one row per outcome, notices, the disclaimer) in the same words, from
 * {@link ReportWording}. Stateless and thread-safe.
 */
public final class ReportArtifactRenderer implements ArtifactRenderer {
    private final JsonReportWriter json = new JsonReportWriter();
    private final HtmlReportWriter html = new HtmlReportWriter();
    private final PdfReportWriter pdf = new PdfReportWriter();

    @Override
    public byte[] render(ArtifactKind kind, ReportContent content) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
        return switch (kind) {
            case JSON -> json.write(content);
            case HTML -> html.write(content);
            case PDF -> pdf.write(content);
        };
    }
}
