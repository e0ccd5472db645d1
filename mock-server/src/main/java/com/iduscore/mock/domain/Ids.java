package com.iduscore.mock.domain;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New ids for submissions, jobs, results, artifacts, deliveries and request ids: random (version 4) UUIDs from
 * {@link ThreadLocalRandom}. They need to be unique, not unguessable (tenant scoping guards the reads, an HMAC the
 * artifact links), and {@link UUID#randomUUID()}'s one process-wide SecureRandom would serialise every request thread
 * under load: the profile showed it, about nine times per POST.
 */
public final class Ids {
    private Ids() {
    }

    public static UUID random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
