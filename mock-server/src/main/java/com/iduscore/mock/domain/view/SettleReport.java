package com.iduscore.mock.domain.view;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code settle()} did.
 *
 * @param advancedMillis how far the clock moved
 * @param settled        false when the bound was reached first (something still open; call again)
 * @param submissions    how many submissions are in each status afterwards, by the API's status slug
 * @param deliveries     webhook delivery attempts made while settling
 */
public record SettleReport(long advancedMillis, Instant now, boolean settled, Map<String, Integer> submissions,
                           int deliveries) {
}
