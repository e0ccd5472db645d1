package com.iduscore.mock.domain.result;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeAreaTest {

    @Test
    void normalises_synonyms_of_the_renal_area() {
        assertThat(OutcomeArea.forRequested("wellbeing.kidney")).contains(OutcomeArea.RENAL);
        assertThat(OutcomeArea.forRequested("renal.wellbeing")).contains(OutcomeArea.RENAL);
        assertThat(OutcomeArea.forRequested("cardiovascular.wellbeing")).contains(OutcomeArea.CARDIOVASCULAR);
        assertThat(OutcomeArea.forRequested("wellbeing.unknown")).isEmpty();
    }

    @Test
    void falls_back_to_the_four_health_yourself_areas_when_nothing_known_is_requested() {

        assertThat(OutcomeArea.requested(null)).isEqualTo(OutcomeArea.HEALTH_YOURSELF);
        assertThat(OutcomeArea.requested(java.util.List.of())).isEqualTo(OutcomeArea.HEALTH_YOURSELF);
        assertThat(OutcomeArea.requested(java.util.List.of("wellbeing.general"))).containsExactly(OutcomeArea.GENERAL);
    }

    @Test
    void places_the_tier_boundaries_at_one_third_and_two_thirds() {
        assertThat(OutcomeSummaries.band(0.33).tier()).isEqualTo("low");
        assertThat(OutcomeSummaries.band(0.34).tier()).isEqualTo("medium");
        assertThat(OutcomeSummaries.band(0.66).tier()).isEqualTo("medium");
        assertThat(OutcomeSummaries.band(0.67).tier()).isEqualTo("high");
        assertThat(OutcomeSummaries.band(0.0).label()).isEqualTo("Lower third · reference cohort");
        assertThat(OutcomeSummaries.band(1.0).label()).isEqualTo("Upper third · reference cohort");
    }

    @Test
    void places_a_score_of_one_half_above_the_reference() {
        var outcome = OutcomeSummaries.summary(new OutcomeScore(OutcomeArea.CARDIOVASCULAR, 0.5), false, false);

        assertThat(outcome.referencePlacement()).isEqualTo("above_reference");
        assertThat(OutcomeSummaries.summary(new OutcomeScore(OutcomeArea.CARDIOVASCULAR, 0.49), false, false)
                .referencePlacement()).isEqualTo("below_reference");
    }
}
