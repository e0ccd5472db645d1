package com.iduscore.mock.domain;

import com.iduscore.mock.domain.idempotency.IdempotencyRecord;
import com.iduscore.mock.domain.idempotency.InMemoryIdempotencyStore;
import com.iduscore.mock.domain.view.AcceptedView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency records leave memory once their 24 h of mock time are over, and with an evicted submission. */
class IdempotencyExpiryTest {
    private static final Instant START = Instant.parse("2026-04-20T09:00:00Z");
    private static final UUID PARTNER = UUID.randomUUID();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(Duration.ofHours(24));

    @Test
    void records_past_their_window_are_expired_and_live_ones_kept() {
        claim("old", START);
        claim("young", START.plus(Duration.ofHours(12)));

        assertThat(store.expire(START.plus(Duration.ofHours(24)).plusMillis(1))).isEqualTo(1);

        assertThat(store.all()).extracting(IdempotencyRecord::key).containsExactly("young");
    }

    @Test
    void the_record_of_an_evicted_submission_is_removed() {
        UUID kept = claim("kept", START);
        UUID evicted = claim("evicted", START);

        store.removeForSubmission(evicted);

        assertThat(store.all()).extracting(r -> r.accepted().submissionId()).containsExactly(kept);
    }

    private UUID claim(String key, Instant at) {
        UUID submissionId = UUID.randomUUID();
        store.claim("demo-a", PARTNER, key, at, () -> new IdempotencyRecord("demo-a", PARTNER, key, "fp",
                new AcceptedView(submissionId, UUID.randomUUID(), "p", "received", "Received", null, at), at));
        return submissionId;
    }
}
