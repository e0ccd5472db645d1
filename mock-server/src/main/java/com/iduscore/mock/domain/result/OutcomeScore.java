package com.iduscore.mock.domain.result;

/** A scored outcome: the area and its score in [0, 1], two decimals. */
public record OutcomeScore(OutcomeArea area, double score) {
}
