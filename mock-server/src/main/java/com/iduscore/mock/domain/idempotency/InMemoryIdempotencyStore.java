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
 * never both create. Records older than the window are replaced on their next claim and dropped from snapshots.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Duration window;
    private final ConcurrentHashMap<Scope, IdempotencyRecord> records = new ConcurrentHashMap<>();

    /** @param window how long a key is remembered (24 hours in the API, D5) */
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
            created[0] = true;
            return create.get();
        });
        return new Claim(record, created[0]);
    }

    @Override
    public Collection<IdempotencyRecord> all() {
        return List.copyOf(records.values());
    }

    @Override
    public void replaceAll(Collection<IdempotencyRecord> replacement) {
        records.clear();
        for (IdempotencyRecord record : replacement) {
            records.put(new Scope(record.tenantId(), record.partnerId(), record.key()), record);
        }
    }

    private record Scope(String tenantId, UUID partnerId, String key) {
    }
}
