package com.iduscore.mock.domain.view;

import java.time.Instant;

/**
 * The mock's clock as {@code GET /__admin/iduscore/clock} shows it.
 *
 * @param mode         {@code real} or {@code manual}
 * @param offsetMillis how far time travel has moved it ({@code advance}, {@code settle}) beyond its own course
 */
public record ClockView(Instant now, String mode, long offsetMillis) {
}
