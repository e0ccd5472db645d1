package com.iduscore.mock.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.view.ResultView;
import com.iduscore.mock.domain.view.ResultView.OutcomeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.iduscore.mock.domain.DomainHarness.A1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** CONTRACT.md D8: outcomes, scores, tiers and labels. */
class ResultTest {
    private final DomainHarness harness = new DomainHarness();
    private final Caller caller = harness.a1();

    @AfterEach
    void close() {
        harness.close();
    }

    private ResultView resultOf(ObjectNode body) {
        return resultOf(caller, body);
    }

    private ResultView resultOf(Caller who, ObjectNode body) {
        Submitted submitted = harness.submit(who, body);
        harness.runToEnd();
        return harness.service.result(who, harness.submission(who, submitted).resultId(), com.iduscore.mock.http.ArtifactLinks.under("http://127.0.0.1:8080"));
    }

    @Test
    void scores_one_outcome_per_requested_area_in_request_order() {
        ResultView result = resultOf(Bodies.withOutcomes(Bodies.complete(A1, "hy-1"),
                "wellbeing.respiratory", "wellbeing.cardiovascular", "wellbeing.general"));

        assertThat(result.outcomes()).extracting(OutcomeView::outcomeId)
                .containsExactly("wellbeing.respiratory", "wellbeing.cardiovascular", "wellbeing.general");
        assertThat(result.outcome()).isEqualTo(result.outcomes().get(0));
        assertThat(result.outcomes()).extracting(OutcomeView::focus)
                .containsExactly("Respiratory Wellbeing", "Cardiovascular Wellbeing", "General Wellbeing");
    }

    @Test
    void scores_the_four_health_yourself_areas_when_no_outcome_is_requested() {
        ObjectNode body = Bodies.complete(A1, "hy-1");
        ((ObjectNode) body.get("options")).remove("requestedOutcomes");

        assertThat(resultOf(body).outcomes()).extracting(OutcomeView::outcomeId).containsExactly(
                "wellbeing.cardiovascular", "wellbeing.cognitive", "wellbeing.renal", "wellbeing.respiratory");
    }

    @Test
    void normalises_kidney_and_renal_synonyms_to_wellbeing_renal_once() {
        ResultView result = resultOf(Bodies.withOutcomes(Bodies.complete(A1, "hy-1"),
                "wellbeing.kidney", "wellbeing.cognitive", "renal.wellbeing"));

        assertThat(result.outcomes()).extracting(OutcomeView::outcomeId)
                .containsExactly("wellbeing.renal", "wellbeing.cognitive");
    }

    @Test
    void sends_only_outcome_when_a_single_area_was_requested() {
        ResultView result = resultOf(Bodies.withOutcomes(Bodies.complete(A1, "hy-1"), "wellbeing.renal"));

        assertThat(result.outcome().outcomeId()).isEqualTo("wellbeing.renal");
        assertThat(result.outcomes()).isNull();
    }

    @Test
    void gives_the_same_body_the_same_scores_and_other_markers_other_scores() {
        List<Double> first = resultOf(Bodies.complete(A1, "hy-1")).outcomes().stream().map(OutcomeView::score).toList();
        List<Double> again = resultOf(Bodies.complete(A1, "hy-1")).outcomes().stream().map(OutcomeView::score).toList();
        List<Double> renamed = resultOf(Bodies.complete(A1, "hy-renamed")).outcomes().stream().map(OutcomeView::score).toList();
        ObjectNode changed = Bodies.complete(A1, "hy-1");
        Bodies.marker(changed, "LDL").put("value", 4.4);
        List<Double> other = resultOf(changed).outcomes().stream().map(OutcomeView::score).toList();

        assertThat(again).isEqualTo(first);
        assertThat(renamed).as("scores depend on the clinical inputs, not the partner's reference").isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
    }

    @Test
    void derives_tier_band_and_placement_labels_from_the_score() {
        java.util.Set<String> tiers = new java.util.TreeSet<>();
        for (int i = 0; i < 12; i++) {
            ObjectNode body = Bodies.complete(A1, "hy-" + i);
            Bodies.marker(body, "CRP").put("value", 0.5 + i);
            for (OutcomeView outcome : resultOf(body).outcomes()) {
                double score = outcome.score();
                String tier = score < 1.0 / 3 ? "low" : score < 2.0 / 3 ? "medium" : "high";
                assertThat(outcome.band().tier()).as("tier of %s", score).isEqualTo(tier);
                assertThat(outcome.band().label()).isEqualTo(switch (tier) {
                    case "low" -> "Lower third · reference cohort";
                    case "medium" -> "Middle third · reference cohort";
                    default -> "Upper third · reference cohort";
                });
                assertThat(outcome.referencePlacement()).isEqualTo(score >= 0.5 ? "above_reference" : "below_reference");
                assertThat(outcome.referencePlacementLabel())
                        .isEqualTo(score >= 0.5 ? "Above reference threshold" : "Below reference threshold");
                assertThat(outcome.outcomeStatus()).isEqualTo("completed");
                assertThat(outcome.outcomeStatusLabel()).isEqualTo("Completed");
                assertThat(score).isCloseTo(Math.round(score * 100) / 100.0, within(1e-12));
                tiers.add(tier);
            }
        }
        assertThat(tiers).as("48 scores cover every tier").containsExactly("high", "low", "medium");
    }

    @Test
    void notes_missing_optional_inputs_when_a_subject_section_is_absent() {
        ObjectNode complete = Bodies.complete(A1, "hy-1");
        assertThat(resultOf(complete).outcome().notices()).as("familyHistory is absent from the fixture")
                .extracting(ResultView.Notice::message).containsExactly("Some optional inputs were not provided.");

        ObjectNode full = Bodies.complete(A1, "hy-2");
        ((ObjectNode) full.get("subject")).putObject("familyHistory");
        assertThat(resultOf(full).outcome().notices()).isEmpty();
    }

    @Test
    void makes_one_artifact_per_requested_report_format_and_none_for_scores() {
        ResultView all = resultOf(Bodies.complete(A1, "hy-1"));
        ResultView scoresOnly = resultOf(Bodies.withOutputs(Bodies.complete(A1, "hy-2"), "inference_score_v1", "score"));
        ResultView pdf = resultOf(Bodies.withOutputs(Bodies.complete(A1, "hy-3"), "pdf", "score"));

        assertThat(all.artifacts().items()).extracting(ResultView.ArtifactItem::type).containsExactly("json", "html", "pdf");
        assertThat(all.artifacts().items()).extracting(ResultView.ArtifactItem::typeLabel).containsExactly("JSON", "HTML", "PDF");
        assertThat(scoresOnly.artifacts().items()).isEmpty();
        assertThat(pdf.artifacts().items()).extracting(ResultView.ArtifactItem::type).containsExactly("pdf");
    }
}
