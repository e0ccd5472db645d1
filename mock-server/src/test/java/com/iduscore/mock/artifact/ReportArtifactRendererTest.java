package com.iduscore.mock.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.mock.domain.artifact.ArtifactKind;
import com.iduscore.mock.domain.artifact.ReportContent;
import com.iduscore.mock.domain.artifact.ReportContent.Outcome;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportArtifactRendererTest {
    private static final UUID RESULT_ID = UUID.fromString("db2550ba-4c7f-4e7f-95d8-0a064f368f14");
    private static final UUID SUBMISSION_ID = UUID.fromString("8d70fed5-8f01-410d-87bd-8755725d7c6f");
    private static final Instant COMPLETED_AT = Instant.parse("2026-04-24T00:49:32.389Z");
    private static final String SCRIPT_ID = "SYN-<script>alert('x')</script>&\"";

    private static final List<Outcome> FOUR_OUTCOMES = List.of(
            outcome("wellbeing.cardiovascular", "Cardiovascular Wellbeing", 0.7254, "high",
                    "Upper third · reference cohort", "Above reference threshold", "available", List.of()),
            outcome("wellbeing.cognitive", "Cognitive Wellbeing", 0.41, "medium",
                    "Middle third · reference cohort", "Below reference threshold", "available", List.of()),
            outcome("wellbeing.renal", "Renal Wellbeing", 0.12, "low",
                    "Lower third · reference cohort", "Below reference threshold", "partial",
                    List.of("Some optional inputs were not provided.")),
            outcome("wellbeing.respiratory", "Respiratory Wellbeing", 0.5, "medium",
                    "Middle third · reference cohort", "Above reference threshold", "available",
                    List.of("Score ≥ 0.5 means above the reference threshold.")));

    private final ReportArtifactRenderer renderer = new ReportArtifactRenderer();

    private static Outcome outcome(String id, String focus, double score, String tier, String band, String placement,
                                   String status, List<String> notices) {
        return new Outcome(id, focus, score, tier, band, placement, status, notices);
    }

    private static ReportContent report(String partnerSubmissionId, List<Outcome> outcomes) {
        return new ReportContent(RESULT_ID, SUBMISSION_ID, partnerSubmissionId, COMPLETED_AT, outcomes);
    }

    @Nested
    class Json {
        @Test
        void is_a_report_document_with_ids_and_every_outcome() throws IOException {
            byte[] bytes = renderer.render(ArtifactKind.JSON, report("SYN-SUB-1", FOUR_OUTCOMES));

            JsonNode json = new ObjectMapper().readTree(bytes);
            assertThat(json.path("title").asText()).isEqualTo("IduScore Wellbeing Report");
            assertThat(json.path("resultId").asText()).isEqualTo(RESULT_ID.toString());
            assertThat(json.path("submissionId").asText()).isEqualTo(SUBMISSION_ID.toString());
            assertThat(json.path("partnerSubmissionId").asText()).isEqualTo("SYN-SUB-1");
            assertThat(json.path("completedAt").asText()).isEqualTo("2026-04-24T00:49:32.389Z");
            assertThat(json.path("outcomes")).hasSize(4);
            JsonNode renal = json.path("outcomes").get(2);
            assertThat(renal.path("outcomeId").asText()).isEqualTo("wellbeing.renal");
            assertThat(renal.path("focus").asText()).isEqualTo("Renal Wellbeing");
            assertThat(renal.path("score").asDouble()).isEqualTo(0.12);
            assertThat(renal.path("tier").asText()).isEqualTo("low");
            assertThat(renal.path("bandLabel").asText()).isEqualTo("Lower third · reference cohort");
            assertThat(renal.path("referencePlacementLabel").asText()).isEqualTo("Below reference threshold");
            assertThat(renal.path("outcomeStatus").asText()).isEqualTo("partial");
            assertThat(renal.path("notices").get(0).asText()).isEqualTo("Some optional inputs were not provided.");
            assertThat(json.path("disclaimer").asText()).contains("informational, not a diagnosis");
        }

        @Test
        void keeps_the_exact_score() throws IOException {
            JsonNode json = new ObjectMapper().readTree(renderer.render(ArtifactKind.JSON, report("p", FOUR_OUTCOMES)));

            assertThat(json.path("outcomes").get(0).path("score").asDouble()).isEqualTo(0.7254);
        }

        @Test
        void is_pretty_printed_utf8() {
            String text = new String(renderer.render(ArtifactKind.JSON, report("p", FOUR_OUTCOMES)),
                    StandardCharsets.UTF_8);

            assertThat(text).contains("\n  \"title\"").contains("Upper third · reference cohort");
        }

        @Test
        void writes_null_for_a_missing_partner_submission_id_and_completion() throws IOException {
            ReportContent open = new ReportContent(RESULT_ID, SUBMISSION_ID, null, null, FOUR_OUTCOMES);

            JsonNode json = new ObjectMapper().readTree(renderer.render(ArtifactKind.JSON, open));

            assertThat(json.get("partnerSubmissionId").isNull()).isTrue();
            assertThat(json.get("completedAt").isNull()).isTrue();
        }
    }

    @Nested
    class Html {
        private String render(ReportContent content) {
            return new String(renderer.render(ArtifactKind.HTML, content), StandardCharsets.UTF_8);
        }

        @Test
        void is_a_complete_html5_page() {
            String html = render(report("SYN-SUB-1", FOUR_OUTCOMES));

            assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                    .contains("<meta charset=\"utf-8\" />")
                    .contains("<title>IduScore Wellbeing Report</title>")
                    .contains("<h1>IduScore Wellbeing Report</h1>")
                    .endsWith("</html>\n");
            assertThat(html).doesNotContain("<script", "<link", "src=", "http://", "https://");
        }

        @Test
        void escapes_the_partner_submission_id() {
            String html = render(report(SCRIPT_ID, FOUR_OUTCOMES));

            assertThat(html).contains("SYN-&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;")
                    .doesNotContain("<script>");
        }

        @Test
        void shows_ids_and_a_table_row_for_every_outcome() {
            String html = render(report("SYN-SUB-1", FOUR_OUTCOMES));

            assertThat(html).contains(RESULT_ID.toString(), SUBMISSION_ID.toString(), "2026-04-24T00:49:32.389Z");
            for (Outcome outcome : FOUR_OUTCOMES) {
                assertThat(html).contains("<tr><th scope=\"row\">" + outcome.focus() + "</th>"
                        + "<td><code>" + outcome.outcomeId() + "</code></td>");
            }
            assertThat(html).contains("<td class=\"score\">0.73</td>", "<td>Upper third · reference cohort</td>");
        }

        @Test
        void lists_the_notices_with_their_outcome_and_the_disclaimer() {
            String html = render(report("SYN-SUB-1", FOUR_OUTCOMES));

            assertThat(html).contains("<li>Renal Wellbeing: Some optional inputs were not provided.</li>")
                    .contains("<li>Respiratory Wellbeing: Score ≥ 0.5 means above the reference threshold.</li>")
                    .contains("informational, not a diagnosis");
        }

        @Test
        void drops_control_characters_no_html_document_may_hold() {
            String html = render(report("SYN\u0000-\u0007-\u001bSUB", FOUR_OUTCOMES));

            assertThat(html).contains("<dd>SYN--SUB</dd>").doesNotContain("\u0000", "\u0007", "\u001b");
        }

        @Test
        void is_well_formed_xml_so_the_pdf_renderer_can_parse_it() throws Exception {
            byte[] html = renderer.render(ArtifactKind.HTML, report(SCRIPT_ID, FOUR_OUTCOMES));

            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            org.w3c.dom.Document document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(html));
            assertThat(document.getElementsByTagName("tr").getLength()).isEqualTo(1 + FOUR_OUTCOMES.size());
        }

        @Test
        void says_so_when_there_are_no_notices_or_ids() {
            ReportContent quiet = new ReportContent(RESULT_ID, SUBMISSION_ID, null, null,
                    List.of(FOUR_OUTCOMES.get(0)));

            assertThat(render(quiet)).contains("<p>No notices.</p>")
                    .contains("<dt>Partner submission ID</dt><dd>none</dd>")
                    .contains("<dt>Completed at</dt><dd>not completed</dd>");
        }
    }

    @Nested
    class Pdf {
        private static String text(byte[] pdf) throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true); // lines as a reader sees them, not in drawing order
                return stripper.getText(document);
            }
        }

        private static int pages(byte[] pdf) throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                return document.getNumberOfPages();
            }
        }

        @Test
        void is_a_one_page_a4_pdf_titled_like_the_report() throws IOException {
            byte[] pdf = renderer.render(ArtifactKind.PDF, report("SYN-SUB-1", FOUR_OUTCOMES));

            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                // A4 is 210 mm x 297 mm = 595.3 pt x 841.9 pt
                assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, within(0.5f));
                assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(841.9f, within(0.5f));
                assertThat(document.getDocumentInformation().getTitle()).isEqualTo("IduScore Wellbeing Report");
            }
        }

        @Test
        void shows_the_ids_every_outcome_with_its_score_the_notices_and_the_disclaimer() throws IOException {
            String text = text(renderer.render(ArtifactKind.PDF, report("SYN-SUB-1", FOUR_OUTCOMES)));

            assertThat(text).contains("IduScore Wellbeing Report", RESULT_ID.toString(), SUBMISSION_ID.toString(),
                    "SYN-SUB-1", "2026-04-24T00:49:32.389Z");
            for (Outcome outcome : FOUR_OUTCOMES) {
                // a narrow cell wraps its words onto several lines
                assertThat(text).contains(outcome.focus().split(" ")).contains(outcome.outcomeId());
            }
            assertThat(text).contains("0.73", "0.41", "0.12", "0.50", "Upper third ·", "Some optional inputs were not provided.")
                    .contains("informational, not a diagnosis");
        }

        @Test
        void is_the_html_page_laid_out_so_the_scores_sit_in_their_outcome_rows() throws IOException {
            String text = text(renderer.render(ArtifactKind.PDF, report("SYN-SUB-1", FOUR_OUTCOMES)));

            // the first line of each table row holds its outcome id, score and tier side by side
            assertThat(text.lines().filter(line -> line.contains("wellbeing.cardiovascular")))
                    .singleElement().asString().containsPattern("wellbeing\\.cardiovascular\\s+0\\.73\\s+high");
            assertThat(text.lines().filter(line -> line.contains("wellbeing.renal")))
                    .singleElement().asString().containsPattern("Renal Wellbeing\\s+wellbeing\\.renal\\s+0\\.12\\s+low");
        }

        @Test
        void replaces_characters_helvetica_cannot_show() throws IOException {
            String id = "café-中文-😀-tab\there\nnew line-ő";

            String text = text(renderer.render(ArtifactKind.PDF, report(id, FOUR_OUTCOMES)));

            assertThat(text).contains("café-??-?-tab here new line-o")
                    .contains("Score >= 0.5 means above the reference threshold.")
                    .doesNotContain("#");
        }

        @Test
        void escapes_markup_in_the_partner_submission_id_instead_of_interpreting_it() throws IOException {
            String text = text(renderer.render(ArtifactKind.PDF, report(SCRIPT_ID, FOUR_OUTCOMES)));

            assertThat(text).contains("SYN-<script>alert('x')</script>&\"");
        }

        @Test
        void wraps_a_very_long_partner_submission_id_instead_of_cutting_it() throws IOException {
            String longId = "X".repeat(512);

            byte[] pdf = renderer.render(ArtifactKind.PDF, report(longId, FOUR_OUTCOMES));

            assertThat(text(pdf).replaceAll("\\s", "")).contains(longId);
            assertThat(text(pdf)).contains(RESULT_ID.toString(), "Respiratory Wellbeing", "informational, not a diagnosis");
            assertThat(pages(pdf)).isEqualTo(1);
        }

        @Test
        void flows_a_crowded_report_onto_more_pages_and_ends_with_the_disclaimer() throws IOException {
            List<Outcome> crowded = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                List<String> notices = new ArrayList<>();
                for (int n = 0; n < 6; n++) {
                    notices.add("Notice " + n + " of outcome " + i + " with enough words to need a fair share of the "
                            + "line, and then some more words so that it wraps onto a second line of the page.");
                }
                crowded.add(outcome("wellbeing.o" + i, "Outcome " + i + " Wellbeing", i / 8.0, "low",
                        "Lower third · reference cohort", "Below reference threshold", "available", notices));
            }

            byte[] pdf = renderer.render(ArtifactKind.PDF, report("SYN-SUB-1", crowded));

            assertThat(pages(pdf)).isGreaterThan(1);
            String text = text(pdf);
            assertThat(text).contains("Outcome 7 Wellbeing", "Notice 5 of outcome 7");
            assertThat(text.strip()).endsWith("qualified health professional.");
        }
    }
}
