package com.iduscore.mock.http;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(nanos::get);

    @Test
    void refuses_the_request_over_the_limit_until_the_oldest_leaves_the_minute() {
        assertThat(limiter.tryAcquire("a", 2)).isEmpty();
        advanceSeconds(20);
        assertThat(limiter.tryAcquire("a", 2)).isEmpty();

        assertThat(limiter.tryAcquire("a", 2)).as("third in the minute").isEqualTo(OptionalLong.of(40));
        advanceSeconds(39);
        assertThat(limiter.tryAcquire("a", 2)).isEqualTo(OptionalLong.of(1));
        advanceSeconds(1);
        assertThat(limiter.tryAcquire("a", 2)).as("the first request has left the window").isEmpty();
    }

    @Test
    void counts_each_credential_on_its_own_and_forgets_everything_on_reset() {
        assertThat(limiter.tryAcquire("a", 1)).isEmpty();
        assertThat(limiter.tryAcquire("b", 1)).isEmpty();
        assertThat(limiter.tryAcquire("a", 1)).isPresent();

        limiter.reset();

        assertThat(limiter.tryAcquire("a", 1)).isEmpty();
    }

    private void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }
}
