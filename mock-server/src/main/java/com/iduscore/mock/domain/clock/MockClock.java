package com.iduscore.mock.domain.clock;

import java.time.Instant;

/** The mock's only source of time, so tests and partners can move it by hand ({@code --clock manual}). */
public interface MockClock {
    Instant now();
}
