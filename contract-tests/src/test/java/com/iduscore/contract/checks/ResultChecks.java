package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.Json;
import com.iduscore.contract.checks.support.Once;
import com.iduscore.contract.checks.support.Pipeline;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.junit.Locks;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;

import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RES: the result of a completed submission (CONTRACT.md D8): one outcome per requested outcome in request order, {@code outcome}
 * the first, {@code outcomes} only for more than one; deterministic scores in [0, 1] whose tier and reference placement
 * follow the thresholds; a status mirroring the submission's.
 */
@ConformanceTest
@ResourceLock(value = Locks.CLOCK, mode = ResourceAccessMode.READ)
class ResultChecks {

    private static final String GET_RESULT = "GET /v1/results/{resultId}";
    /** Not the default order, so a server that ignores the requested order shows it. */
    private static final List<String> REQUESTED = List.of("wellbeing.respiratory", "wellbeing.cardiovascular", "wellbeing.renal");

    /** A completed submission that asked for three outcomes in a non-default order, with its result. */
    private static final Once<Completed> THREE_OUTCOMES = Once.of("a completed submission with three requested outcomes", () -> {
        Target target = Api.target();
        ObjectNode body = Fixtures.validSubmission(target.primary());
        ((ObjectNode) body.path("options")).set("requestedOutcomes", Json.array(REQUESTED.toArray(String[]::new)));
        return complete(target, body);
    });

    record Completed(Pipeline.Followed run, JsonNode result) {
    }

    @Check(id = "RES-01", rule = "CONTRACT.md D8", title = "outcome equals outcomes[0]", operation = GET_RESULT)
    void outcome_is_the_first_of_outcomes() {
        JsonNode result = THREE_OUTCOMES.get().result();

        assertThat(result.path("outcomes").isArray()).as("outcomes present for three requested outcomes").isTrue();
        assertThat(result.path("outcome")).as("outcome vs outcomes[0]").isEqualTo(result.path("outcomes").path(0));
    }

    @Check(id = "RES-02", rule = "CONTRACT.md D8", title = "One outcome per requested outcome, in request order", operation = GET_RESULT)
    void outcomes_follow_the_request_order() {
        assertThat(outcomeIds(THREE_OUTCOMES.get().result())).as("outcomeIds").containsExactlyElementsOf(REQUESTED);
    }

    @Check(id = "RES-03", rule = "CONTRACT.md D8", title = "A single requested outcome gives outcome and no outcomes key", operation = GET_RESULT)
    void a_single_outcome_has_no_outcomes_array(Target target) {
        ObjectNode body = Fixtures.minimalSubmission(target.primary());
        ((ObjectNode) body.path("options")).set("requestedOutcomes", Json.array("wellbeing.cognitive"));

        JsonNode result = complete(target, body).result();

        assertThat(result.has("outcomes")).as("outcomes key present in %s", result).isFalse();
        assertThat(result.path("outcome").path("outcomeId").asText()).as("outcome.outcomeId").isEqualTo("wellbeing.cognitive");
    }

    @Check(id = "RES-04", rule = "CONTRACT.md D8", title = "The same body submitted twice (two keys) gets the same scores", operation = GET_RESULT)
    void the_same_body_gets_the_same_scores(Target target) {
        ObjectNode body = Fixtures.validSubmission(target.primary());

        JsonNode first = complete(target, body).result();
        JsonNode second = complete(target, body).result();

        assertThat(second.path("resultId").asText()).as("two submissions, two results").isNotEqualTo(first.path("resultId").asText());
        assertThat(scores(second)).as("scores of the second submission of the same body").isEqualTo(scores(first));
    }

    @Check(id = "RES-05", rule = "CONTRACT.md D8", title = "Every score is a number in [0, 1]", operation = GET_RESULT)
    void scores_are_between_zero_and_one() {
        for (JsonNode outcome : outcomes(THREE_OUTCOMES.get().result())) {
            JsonNode score = outcome.path("score");
            assertThat(score.isNumber()).as("score of %s is a number", outcome.path("outcomeId").asText()).isTrue();
            assertThat(score.asDouble()).as("score of %s", outcome.path("outcomeId").asText()).isBetween(0.0, 1.0);
        }
    }

    @Check(id = "RES-06", rule = "CONTRACT.md D8", title = "Tier and referencePlacement follow the score (low < 1/3 ≤ medium < 2/3 ≤ high; above from 0.5)",
            operation = GET_RESULT)
    void tier_and_placement_follow_the_score() {
        for (JsonNode outcome : outcomes(THREE_OUTCOMES.get().result())) {
            String id = outcome.path("outcomeId").asText();
            double score = outcome.path("score").asDouble();
            assertThat(outcome.path("outcomeStatus").asText()).as("outcomeStatus of %s on a normal run", id).isEqualTo("completed");
            String tier = score < 1.0 / 3 ? "low" : score < 2.0 / 3 ? "medium" : "high";
            assertThat(outcome.path("band").path("tier").asText()).as("band.tier of %s (score %s)", id, score).isEqualTo(tier);
            assertThat(outcome.path("referencePlacement").asText()).as("referencePlacement of %s (score %s)", id, score)
                    .isEqualTo(score >= 0.5 ? "above_reference" : "below_reference");
        }
    }

    @Check(id = "RES-07", rule = "CONTRACT.md D7 (the result's status mirrors the submission's); CONTRACT.md D8", title = "The result's status, ids and partnerSubmissionId mirror the submission's", operation = GET_RESULT)
    void the_result_mirrors_the_submission() {
        Completed completed = THREE_OUTCOMES.get();
        Credential credential = completed.run().accepted().credential();
        JsonNode submission = Pipeline.submission(credential, completed.run().accepted().submissionId());
        JsonNode result = Pipeline.result(credential, completed.run().resultId());

        assertThat(result.path("status").asText()).as("result status vs submission status").isEqualTo(submission.path("status").asText());
        assertThat(result.path("statusLabel").asText()).as("statusLabel").isEqualTo(submission.path("statusLabel").asText());
        assertThat(result.path("resultId").asText()).as("resultId").isEqualTo(submission.path("resultId").asText());
        assertThat(result.path("submissionId").asText()).as("submissionId").isEqualTo(submission.path("submissionId").asText());
        assertThat(result.path("partnerSubmissionId")).as("partnerSubmissionId").isEqualTo(submission.path("partnerSubmissionId"));
    }

    @Check(id = "RES-08", rule = "CONTRACT.md D8", title = "Without requestedOutcomes the four Health Yourself areas are scored, in their order", operation = GET_RESULT)
    void the_default_outcomes_are_the_four_areas(Target target) {
        ObjectNode body = Fixtures.validSubmission(target.primary());
        ((ObjectNode) body.path("options")).remove("requestedOutcomes");

        JsonNode result = complete(target, body).result();

        assertThat(outcomeIds(result)).as("outcomeIds without requestedOutcomes").containsExactly(
                "wellbeing.cardiovascular", "wellbeing.cognitive", "wellbeing.renal", "wellbeing.respiratory");
    }

    @Check(id = "RES-09", rule = "CONTRACT.md D8", title = "Outcome synonyms are normalised (wellbeing.kidney → wellbeing.renal)", operation = GET_RESULT)
    void outcome_synonyms_are_normalised(Target target) {
        ObjectNode body = Fixtures.validSubmission(target.primary());
        ((ObjectNode) body.path("options")).set("requestedOutcomes", Json.array("wellbeing.kidney", "wellbeing.cardiovascular"));

        JsonNode result = complete(target, body).result();

        assertThat(outcomeIds(result)).as("outcomeIds for [wellbeing.kidney, wellbeing.cardiovascular]")
                .containsExactly("wellbeing.renal", "wellbeing.cardiovascular");
    }

    @Check(id = "RES-10", rule = "CONTRACT.md D11 (every optional subject section sent); CONTRACT.md D8; OpenAPI #/components/schemas/PartnerOutcomeSummaryPublicV1",
            title = "A body with every optional input (measurements, history, familyHistory) is scored; no notice says inputs were missing",
            operation = GET_RESULT)
    void a_body_with_every_optional_input_is_scored_without_a_missing_input_notice(Target target) {
        ObjectNode body = Fixtures.validSubmission(target.primary());
        ObjectNode subject = (ObjectNode) body.path("subject");
        assertThat(subject.path("measurements").isObject() && subject.path("history").isObject())
                .as("the complete fixture sends measurements and history: %s", subject).isTrue();
        ObjectNode family = subject.putObject("familyHistory");
        family.putObject("father").put("aliveStatus", "alive").put("currentAge", 71);
        family.putObject("mother").put("aliveStatus", "deceased").put("deathAge", 84);

        JsonNode result = complete(target, body).result();

        List<String> notices = new ArrayList<>();
        for (JsonNode outcome : outcomes(result)) {
            outcome.path("notices").forEach(n -> notices.add(outcome.path("outcomeId").asText() + ": " + n.path("message").asText()));
        }
        List<String> aboutMissingInputs = notices.stream().filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("optional input")).toList();
        if (target.kind() == com.iduscore.contract.target.TargetKind.URL) {
            // notices are informational and their wording is the deployment's (CONTRACT.md O8): a finding, not a failure
            if (!aboutMissingInputs.isEmpty()) {
                Checks.warn("CONTRACT.md D8", "every optional input was sent, yet: " + aboutMissingInputs);
            }
        } else {
            assertThat(aboutMissingInputs).as("notices about missing optional inputs when every optional input was sent"
                    + " (the mock adds one only when measurements, history or familyHistory is missing); all notices: %s", notices)
                    .isEmpty();
        }
    }

    // ----------------------------------------------------------------------------------------------------------

    static Completed complete(Target target, ObjectNode body) {
        Pipeline.Followed run = Pipeline.followUntil(target, Pipeline.submit(target.primary(), body), Pipeline::completed);
        assertThat(run.status()).as("status of the submission").isEqualTo("completed");
        return new Completed(run, Pipeline.result(target.primary(), run.resultId()));
    }

    static List<JsonNode> outcomes(JsonNode result) {
        List<JsonNode> out = new ArrayList<>();
        if (result.has("outcomes")) {
            result.path("outcomes").forEach(out::add);
        } else if (!result.path("outcome").isNull()) {
            out.add(result.path("outcome"));
        }
        assertThat(out).as("outcomes of the result %s", result).isNotEmpty();
        return out;
    }

    private static List<String> outcomeIds(JsonNode result) {
        return outcomes(result).stream().map(o -> o.path("outcomeId").asText()).toList();
    }

    private static List<String> scores(JsonNode result) {
        return outcomes(result).stream().map(o -> o.path("outcomeId").asText() + "=" + o.path("score").asText()).toList();
    }
}
