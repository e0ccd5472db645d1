package com.iduscore.mock.junit5;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IduScoreMockTest(clock = IduScoreMockTest.Clock.REAL)
class RealClockTest {
    @Test
    void the_pipeline_runs_by_itself_settle_waits_for_it_and_advance_is_refused(IduScoreMock mock) {
        String id = PartnerCalls.submissionId(PartnerCalls.submit(mock, PartnerCalls.minimalSubmission(), true));

        mock.settle(); // seven 300 ms steps of wall time

        assertThat(PartnerCalls.get(mock, "/v1/submissions/" + id, mock.tenantA().apiKey()).body())
                .contains("\"status\":\"completed\"");
        IduScoreAssertions.assertThat(mock.deliveries()).hasResultReadyFor(id);
        assertThatThrownBy(() -> mock.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }
}
