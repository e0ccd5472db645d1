package com.iduscore.mock.domain.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Wall-clock time, to the millisecond (the precision the API's timestamps carry). */
public final class SystemClock implements MockClock {

    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public String toString() {
        return "SystemClock";
    }
}
