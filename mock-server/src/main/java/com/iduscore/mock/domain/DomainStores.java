package com.iduscore.mock.domain;

import com.iduscore.mock.domain.idempotency.IdempotencyStore;
import com.iduscore.mock.domain.idempotency.InMemoryIdempotencyStore;
import com.iduscore.mock.domain.submission.InMemorySubmissionStore;
import com.iduscore.mock.domain.submission.SubmissionStore;

import java.util.Objects;

/** Where the domain keeps its state: handed in, so an embedder or a test can supply its own. */
public record DomainStores(SubmissionStore submissions, IdempotencyStore idempotency) {

    public DomainStores {
        Objects.requireNonNull(submissions, "submissions");
        Objects.requireNonNull(idempotency, "idempotency");
    }

    /** Fresh in-memory stores; idempotency keys live {@link IduScoreService#IDEMPOTENCY_WINDOW} (CONTRACT.md D5). */
    public static DomainStores inMemory() {
        return new DomainStores(new InMemorySubmissionStore(),
                new InMemoryIdempotencyStore(IduScoreService.IDEMPOTENCY_WINDOW));
    }
}
