package com.iduscore.mock.artifact;

import com.iduscore.mock.domain.artifact.ReportContent;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * The report as a one-page A4 PDF in the standard Helvetica font (nothing embedded). Helvetica's WinAnsi encoding
 * cannot show every character a partner may send, so all text passes through {@link PdfText#sanitise}. Long values
 * wrap; whatever does not fit on the page is cut with a pointer to the JSON report, so the file is always one page.
 *
 * <p>The two fonts are made once per process: constructing a standard-14 font makes PDFBox look up a system stand-in
 * (scanning the system fonts the first time, and logging a WARN when it falls back to LiberationSans). PDFBox 3 dropped
 * its shared font constants because one font object is not safe in several documents at once, so writing is
 * serialised on the shared fonts; a report takes a few milliseconds.
 */
final class PdfReportWriter {
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50f;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float BOTTOM = MARGIN;

    private static final float TITLE_SIZE = 18f;
    private static final float HEADING_SIZE = 12f;
    private static final float TEXT_SIZE = 10f;
    private static final float TABLE_SIZE = 8.5f;
    private static final float SMALL_SIZE = 8f;
    private static final int MAX_ID_LINES = 3;

    /** Outcome table columns: header and width in points; the widths add up to {@link #WIDTH}. */
    private static final String[] COLUMN_HEADERS = {"Outcome", "Score", "Tier", "Band", "Reference placement", "Status"};
    private static final float[] COLUMN_WIDTHS = {118f, 36f, 46f, 135f, 110f, 50f};

    /** Made on first use, so a mock that never renders a PDF never touches the system fonts. */
    private static final class SharedFonts {
        static final PdfText TEXT = new PdfText(
                new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    }

    byte[] write(ReportContent content) {
        PdfText text = SharedFonts.TEXT;
        synchronized (text) {
            return write(content, text);
        }
    }

    private static byte[] write(ReportContent content, PdfText text) {
        try (PDDocument document = new PDDocument()) {
            describe(document, content);
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                new Layout(stream, text).draw(content);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF report", e);
        }
    }

    private static void describe(PDDocument document, ReportContent content) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(ReportWording.TITLE);
        info.setSubject("Result " + content.resultId());
        info.setCreator("IduScore mock server");
        if (content.completedAt() != null) {
            Calendar completed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            completed.setTimeInMillis(content.completedAt().toEpochMilli());
            info.setCreationDate(completed);
        }
    }

    /** Draws top to bottom, tracking the baseline {@code y}; refuses to draw below the bottom margin. */
    private static final class Layout {
        private final PDPageContentStream stream;
        private final PdfText text;
        private float y = PAGE.getHeight() - MARGIN;
        private boolean truncated;

        Layout(PDPageContentStream stream, PdfText text) {
            this.stream = stream;
            this.text = text;
        }

        void draw(ReportContent content) throws IOException {
            line(text.bold(), TITLE_SIZE, MARGIN, ReportWording.TITLE);
            y -= 8;

            field("Result ID", String.valueOf(content.resultId()));
            field("Submission ID", String.valueOf(content.submissionId()));
            field("Partner submission ID", ReportWording.orNone(content.partnerSubmissionId()));
            field("Completed at", ReportWording.timestampOrNotCompleted(content.completedAt()));
            y -= 10;

            // reserve room for the disclaimer so it is never the part that gets cut
            List<String> disclaimer = text.wrap(text.regular(), SMALL_SIZE, ReportWording.DISCLAIMER, WIDTH);
            float disclaimerHeight = disclaimer.size() * leading(SMALL_SIZE) + 12;
            float limit = BOTTOM + disclaimerHeight + leading(SMALL_SIZE);

            line(text.bold(), HEADING_SIZE, MARGIN, "Wellbeing outcomes", limit);
            tableRow(text.bold(), COLUMN_HEADERS, limit);
            rule();
            for (ReportContent.Outcome outcome : ReportWording.outcomes(content)) {
                tableRow(text.regular(), new String[]{outcome.focus(), ReportWording.score(outcome.score()),
                        outcome.tier(), outcome.bandLabel(), outcome.referencePlacementLabel(),
                        outcome.outcomeStatus()}, limit);
            }
            y -= 10;

            line(text.bold(), HEADING_SIZE, MARGIN, "Notices", limit);
            List<String> notices = ReportWording.notices(content);
            if (notices.isEmpty()) {
                line(text.regular(), TEXT_SIZE, MARGIN, ReportWording.NO_NOTICES, limit);
            }
            for (String notice : notices) {
                List<String> wrapped = text.wrap(text.regular(), TEXT_SIZE, notice, WIDTH - 10);
                for (int i = 0; i < wrapped.size(); i++) {
                    line(text.regular(), TEXT_SIZE, MARGIN, (i == 0 ? "- " : "  ") + wrapped.get(i), limit);
                }
            }
            if (truncated) {
                line(text.regular(), SMALL_SIZE, MARGIN, "(Cut to fit one page: the JSON report has everything.)");
            }

            y -= 12;
            for (String disclaimerLine : disclaimer) {
                line(text.regular(), SMALL_SIZE, MARGIN, disclaimerLine, BOTTOM);
            }
        }

        private void field(String label, String value) throws IOException {
            String prefix = label + ": ";
            float labelWidth = text.width(text.bold(), TEXT_SIZE, prefix);
            List<String> lines = text.wrap(text.regular(), TEXT_SIZE, value, WIDTH - labelWidth);
            if (lines.size() > MAX_ID_LINES) {
                lines = new ArrayList<>(lines.subList(0, MAX_ID_LINES));
                lines.set(MAX_ID_LINES - 1, text.withEllipsis(text.regular(), TEXT_SIZE,
                        lines.get(MAX_ID_LINES - 1), WIDTH - labelWidth));
            }
            show(text.bold(), TEXT_SIZE, MARGIN, prefix);
            for (String valueLine : lines) {
                show(text.regular(), TEXT_SIZE, MARGIN + labelWidth, valueLine);
                y -= leading(TEXT_SIZE);
            }
        }

        private void tableRow(PDType1Font font, String[] cells, float limit) throws IOException {
            if (!fits(TABLE_SIZE, limit)) {
                return;
            }
            float x = MARGIN;
            for (int column = 0; column < cells.length; column++) {
                float cellWidth = COLUMN_WIDTHS[column] - 4;
                show(font, TABLE_SIZE, x, text.fit(font, TABLE_SIZE, cells[column], cellWidth));
                x += COLUMN_WIDTHS[column];
            }
            y -= leading(TABLE_SIZE);
        }

        private void rule() throws IOException {
            // just under the header row's descenders (its baseline is one leading above y)
            float ruleY = y + leading(TABLE_SIZE) - 3f;
            stream.setLineWidth(0.5f);
            stream.moveTo(MARGIN, ruleY);
            stream.lineTo(MARGIN + WIDTH, ruleY);
            stream.stroke();
            y -= 3;
        }

        private void line(PDType1Font font, float size, float x, String value) throws IOException {
            line(font, size, x, value, BOTTOM);
        }

        private void line(PDType1Font font, float size, float x, String value, float limit) throws IOException {
            if (!fits(size, limit)) {
                return;
            }
            show(font, size, x, text.fit(font, size, value, WIDTH - (x - MARGIN)));
            y -= leading(size);
        }

        private boolean fits(float size, float limit) {
            if (y - size < limit) {
                truncated = true;
                return false;
            }
            return true;
        }

        private void show(PDType1Font font, float size, float x, String value) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(value);
            stream.endText();
        }

        private static float leading(float size) {
            return size * 1.4f;
        }
    }
}
