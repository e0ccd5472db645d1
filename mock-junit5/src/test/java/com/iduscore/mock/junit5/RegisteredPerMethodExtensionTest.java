package com.iduscore.mock.junit5;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RegisteredPerMethodExtensionTest {
    @RegisterExtension
    static IduScoreMockExtension iduscore = IduScoreMockExtension.newInstance()
            .manualClock().perMethodLifecycle().build();

    private static Integer previousPort;

    @RepeatedTest(2)
    void each_test_gets_a_fresh_mock_whose_clock_starts_at_wall_time(IduScoreMock mock) {
        assertThat(iduscore.mock()).isSameAs(mock);
        assertThat(Duration.between(Instant.now(), mock.now()).abs()).isLessThan(Duration.ofMinutes(1));
        if (previousPort != null) {
            assertThat(mock.port()).as("a new mock on a new port").isNotEqualTo(previousPort);
        }
        previousPort = mock.port();
        mock.advance(Duration.ofHours(6)); // a shared mock would start the next repetition six hours ahead
    }
}
