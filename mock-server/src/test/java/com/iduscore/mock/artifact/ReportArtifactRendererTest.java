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
                    .contains("<meta charset=\"utf-8\">")
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
                assertThat(document.getNumberOfPages()).as("pages").isEqualTo(1);
                return new PDFTextStripper().getText(document);
            }
        }

        @Test
        void is_a_one_page_a4_pdf() throws IOException {
            byte[] pdf = renderer.render(ArtifactKind.PDF, report("SYN-SUB-1", FOUR_OUTCOMES));

            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f);
                assertThat(document.getDocumentInformation().getTitle()).isEqualTo("IduScore Wellbeing Report");
            }
        }

        @Test
        void shows_the_ids_every_outcome_the_notices_and_the_disclaimer() throws IOException {
            String text = text(renderer.render(ArtifactKind.PDF, report("SYN-SUB-1", FOUR_OUTCOMES)));

            assertThat(text).contains("IduScore Wellbeing Report", RESULT_ID.toString(), SUBMISSION_ID.toString(),
                    "SYN-SUB-1", "2026-04-24T00:49:32.389Z");
            for (Outcome outcome : FOUR_OUTCOMES) {
                assertThat(text).contains(outcome.focus());
            }
            assertThat(text).contains("0.73", "Upper third · reference cohort", "Some optional inputs were not provided.")
                    .contains("informational, not a diagnosis");
        }

        @Test
        void replaces_characters_helvetica_cannot_show() throws IOException {
            String id = "café-中文-😀-tab\there\nnew line-ő";

            String text = text(renderer.render(ArtifactKind.PDF, report(id, FOUR_OUTCOMES)));

            assertThat(text).contains("café-??-?-tab here new line-o")
                    .contains("Score >= 0.5 means above the reference threshold.");
        }

        @Test
        void keeps_a_very_long_partner_submission_id_on_one_page() throws IOException {
            String longId = "X".repeat(512);

            String text = text(renderer.render(ArtifactKind.PDF, report(longId, FOUR_OUTCOMES)));

            assertThat(text).contains("XXXXXXXXXX", "...", RESULT_ID.toString(), "Respiratory Wellbeing")
                    .contains("informational, not a diagnosis");
        }

        @Test
        void cuts_overflowing_notices_but_keeps_the_disclaimer_on_the_single_page() throws IOException {
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

            String text = text(renderer.render(ArtifactKind.PDF, report("SYN-SUB-1", crowded)));

            assertThat(text).contains("Outcome 7 Wellbeing", "the JSON report has everything",
                    "informational, not a diagnosis");
        }
    }
}
