package com.iduscore.mock.domain.submission;

import com.iduscore.mock.domain.Ids;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-side subject ids: one per {@code partnerSubjectId} within a tenant, so two submissions about the same
 * de-identified person share a {@code subjectId}, and two tenants never do.
 */
public final class SubjectRegistry {
    private final ConcurrentHashMap<Key, UUID> subjects = new ConcurrentHashMap<>();

    public UUID subjectId(String tenantId, String partnerSubjectId) {
        return subjects.computeIfAbsent(new Key(tenantId, partnerSubjectId), key -> Ids.random());
    }

    /** Records a subject id known from a snapshot. */
    public void remember(String tenantId, String partnerSubjectId, UUID subjectId) {
        subjects.putIfAbsent(new Key(tenantId, partnerSubjectId), subjectId);
    }

    public void clear() {
        subjects.clear();
    }

    private record Key(String tenantId, String partnerSubjectId) {
    }
}
