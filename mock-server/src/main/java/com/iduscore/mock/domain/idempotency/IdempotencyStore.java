package com.iduscore.mock.domain.idempotency;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Remembers idempotency keys per credential. {@link InMemoryIdempotencyStore} is the default.
 *
 * <p>{@link #claim} is the one atomic step CONTRACT.md D5 needs: concurrent claims of one key see exactly one {@code create} run,
 * and all of them get its record.
 */
public interface IdempotencyStore {

    /**
     * The live record of this credential's key, or the one {@code create} makes when there is none (or only an
     * expired one). {@code create} runs at most once per key, while no other claim of that key can run; when it
     * throws, nothing is stored (a 4xx never occupies a key).
     */
    Claim claim(String tenantId, UUID partnerId, String key, Instant now, Supplier<IdempotencyRecord> create);

    /** Every record held, live or not (for the state snapshot). */
    Collection<IdempotencyRecord> all();

    /** Drops every record no longer live at {@code now}; returns how many. */
    int expire(Instant now);

    /** Drops the record that created {@code submissionId}, if held (its submission was evicted). */
    void removeForSubmission(UUID submissionId);

    /** Replaces every record with these. */
    void replaceAll(Collection<IdempotencyRecord> records);

    /** @param created true when this claim ran {@code create}; false when the record was already there (a replay) */
    record Claim(IdempotencyRecord record, boolean created) {
    }
}
