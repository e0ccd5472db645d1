package com.iduscore.mock.artifact;

import com.iduscore.mock.domain.artifact.ReportContent;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report as an A4 PDF: the same page as the HTML report ({@link ReportPage}), laid out by openhtmltopdf in the
 * standard Helvetica (see {@link WinAnsiText}). A report fits one page; a crowded one flows onto more.
 *
 * <p>openhtmltopdf (and its share of PDFBox) is only loaded by the first PDF: {@link Renderer} is the one class that
 * names it, and it is first touched inside {@link #write}, so a mock that never serves a PDF never pays for it.
 */
final class PdfReportWriter {
    byte[] write(ReportContent content) {
        return Renderer.pdf(ReportPage.render(content, WinAnsiText::sanitise));
    }

    private static final class Renderer {
        static {
            // openhtmltopdf logs its set-up at INFO through java.util.logging; the template is ours and tested
            XRLog.setLoggingEnabled(false);
        }

        static byte[] pdf(String html) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            try {
                new PdfRendererBuilder()
                        .useFastMode()
                        .withHtmlContent(html, null)
                        .withProducer("IduScore mock")
                        .toStream(out)
                        .run();
            } catch (IOException e) {
                throw new UncheckedIOException("could not render the PDF report", e);
            }
            return out.toByteArray();
        }
    }
}
