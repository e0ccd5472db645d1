package com.iduscore.mock.domain.result;

import com.iduscore.mock.domain.artifact.ReportContent;
import com.iduscore.mock.domain.view.ResultView.Band;
import com.iduscore.mock.domain.view.ResultView.Notice;
import com.iduscore.mock.domain.view.ResultView.OutcomeView;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a score into the public outcome summary (CONTRACT.md D8, api-notes §4): tier {@code low} below 1/3, {@code medium}
 * below 2/3, else {@code high}; {@code above_reference} from 0.5; the band and placement labels; and the notices.
 */
public final class OutcomeSummaries {
    public static final String OPTIONAL_INPUTS_MISSING = "Some optional inputs were not provided.";
    public static final String PARTIAL = "Some inputs could not be used, so this outcome is partial.";

    private OutcomeSummaries() {
    }

    /**
     * @param partial               the {@code sim-partial-} scenario: outcome status {@code partial}, with a notice
     * @param optionalInputsMissing the subject lacks one of {@code measurements}, {@code history}, {@code familyHistory}
     */
    public static OutcomeView summary(OutcomeScore score, boolean partial, boolean optionalInputsMissing) {
        double value = score.score();
        boolean above = value >= 0.5;
        List<Notice> notices = new ArrayList<>(2);
        if (optionalInputsMissing) {
            notices.add(new Notice(OPTIONAL_INPUTS_MISSING));
        }
        if (partial) {
            notices.add(new Notice(PARTIAL));
        }
        return new OutcomeView(score.area().id(), score.area().focus(), value,
                above ? "above_reference" : "below_reference",
                above ? "Above reference threshold" : "Below reference threshold",
                partial ? "partial" : "completed", partial ? "Partial" : "Completed",
                band(value), List.copyOf(notices));
    }

    public static Band band(double score) {
        if (score < 1.0 / 3) {
            return new Band("low", "Lower third · reference cohort");
        }
        if (score < 2.0 / 3) {
            return new Band("medium", "Middle third · reference cohort");
        }
        return new Band("high", "Upper third · reference cohort");
    }

    /** The same outcome as a report artifact shows it. */
    public static ReportContent.Outcome forReport(OutcomeView view) {
        return new ReportContent.Outcome(view.outcomeId(), view.focus(), view.score(), view.band().tier(),
                view.band().label(), view.referencePlacementLabel(), view.outcomeStatus(),
                view.notices().stream().map(Notice::message).toList());
    }
}
