package com.iduscore.mock.domain.tenant;

import java.util.UUID;

/**
 * A partner credential as the mock keeps it: the key only as its SHA-256 hash, never in plain text.
 * {@link #toString()} leaves the hash out so no log can carry it.
 */
public record Credential(String tenantId, UUID partnerId, byte[] keyHash) {

    @Override
    public String toString() {
        return "Credential[tenantId=" + tenantId + ", partnerId=" + partnerId + "]";
    }
}
