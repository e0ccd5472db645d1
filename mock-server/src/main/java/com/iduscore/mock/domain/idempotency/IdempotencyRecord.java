package com.iduscore.mock.domain.idempotency;

import com.iduscore.mock.domain.view.AcceptedView;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A remembered {@code Idempotency-Key}: whose it is (the credential), the fingerprint of the body it came with, and
 * the 202 body it got, which every replay returns unchanged.
 */
public record IdempotencyRecord(String tenantId, UUID partnerId, String key, String fingerprint,
                                AcceptedView accepted, Instant createdAt) {

    /** True while the key is inside its window ({@code createdAt + window} is still ahead of {@code now}). */
    public boolean liveAt(Instant now, Duration window) {
        return now.isBefore(createdAt.plus(window));
    }
}
