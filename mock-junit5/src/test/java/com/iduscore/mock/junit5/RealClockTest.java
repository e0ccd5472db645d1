package com.iduscore.mock.junit5;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@IduScoreMockTest(clock = IduScoreMockTest.Clock.REAL)
class RealClockTest {
    @Test
    void settle_brings_the_pipeline_to_its_end_at_once_and_advance_moves_the_real_clock_ahead(IduScoreMock mock) {
        String id = PartnerCalls.submissionId(PartnerCalls.submit(mock, PartnerCalls.minimalSubmission(), true));
        long started = System.nanoTime();

        mock.settle(); // time travel: the seven steps run now, not over two seconds of wall time

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("settle on the real clock waits for no step")
                .isLessThan(Duration.ofMillis(1500));
        assertThat(PartnerCalls.get(mock, "/v1/submissions/" + id, mock.tenantA().apiKey()).body())
                .contains("\"status\":\"completed\"");
        IduScoreAssertions.assertThat(mock.deliveries()).hasResultReadyFor(id);
        java.time.Instant before = mock.now();
        mock.advance(Duration.ofHours(2));
        assertThat(mock.now()).as("the real clock moved ahead as an offset").isAfterOrEqualTo(before.plus(Duration.ofHours(2)));
    }
}
