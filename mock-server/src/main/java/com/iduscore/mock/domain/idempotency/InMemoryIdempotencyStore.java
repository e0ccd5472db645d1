package com.iduscore.mock.domain.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keys in a {@link ConcurrentHashMap}; {@code compute} serialises claims of one key, so two requests with one key
 * never both create. Records older than the window are replaced on their next claim, dropped by {@link #expire}
 * (the service calls it as mock time passes) and left out of snapshots.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Duration window;
    private final ConcurrentHashMap<Scope, IdempotencyRecord> records = new ConcurrentHashMap<>();
    /** Which key created which submission, so an evicted submission takes its key along. */
    private final ConcurrentHashMap<UUID, Scope> bySubmission = new ConcurrentHashMap<>();

    /** @param window how long a key is remembered (24 hours in the API, CONTRACT.md D5) */
    public InMemoryIdempotencyStore(Duration window) {
        this.window = window;
    }

    @Override
    public Claim claim(String tenantId, UUID partnerId, String key, Instant now, Supplier<IdempotencyRecord> create) {
        boolean[] created = {false};
        IdempotencyRecord record = records.compute(new Scope(tenantId, partnerId, key), (scope, existing) -> {
            if (existing != null && existing.liveAt(now, window)) {
                return existing;
            }
            IdempotencyRecord fresh = create.get();
            created[0] = true;
            if (existing != null) {
                bySubmission.remove(existing.accepted().submissionId(), scope);
            }
            bySubmission.put(fresh.accepted().submissionId(), scope);
            return fresh;
        });
        return new Claim(record, created[0]);
    }

    @Override
    public int expire(Instant now) {
        int[] dropped = {0};
        records.forEach((scope, record) -> {
            if (!record.liveAt(now, window) && records.remove(scope, record)) {
                bySubmission.remove(record.accepted().submissionId(), scope);
                dropped[0]++;
            }
        });
        return dropped[0];
    }

    @Override
    public void removeForSubmission(UUID submissionId) {
        Scope scope = bySubmission.remove(submissionId);
        if (scope != null) {
            records.computeIfPresent(scope, (key, record) ->
                    record.accepted().submissionId().equals(submissionId) ? null : record);
        }
    }

    @Override
    public Collection<IdempotencyRecord> all() {
        return List.copyOf(records.values());
    }

    @Override
    public void replaceAll(Collection<IdempotencyRecord> replacement) {
        records.clear();
        bySubmission.clear();
        for (IdempotencyRecord record : replacement) {
            Scope scope = new Scope(record.tenantId(), record.partnerId(), record.key());
            records.put(scope, record);
            bySubmission.put(record.accepted().submissionId(), scope);
        }
    }

    private record Scope(String tenantId, UUID partnerId, String key) {
    }
}
