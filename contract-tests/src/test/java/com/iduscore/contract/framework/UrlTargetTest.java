package com.iduscore.contract.framework;

import com.iduscore.contract.target.TargetSettings;
import com.iduscore.contract.target.UrlTarget;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deployment's time passes for real, within IDUSCORE_RESULT_TIMEOUT. */
class UrlTargetTest {

    private final UrlTarget target = UrlTarget.over(TargetSettings.fromEnvironment(Map.of(
            "IDUSCORE_BASE_URL", "http://127.0.0.1:9", "IDUSCORE_API_KEY", "idu_x", "IDUSCORE_PARTNER_ID", "p",
            "IDUSCORE_RESULT_TIMEOUT", "PT2S")), null, Duration.ofMillis(10));

    @Test
    void a_wait_longer_than_the_result_timeout_skips_the_check_with_the_reason_instead_of_sleeping() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> target.advance(Duration.ofHours(1))).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("exceeds IDUSCORE_RESULT_TIMEOUT (PT2S)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void a_wait_within_the_result_timeout_takes_that_long() {
        long start = System.nanoTime();
        target.advance(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
