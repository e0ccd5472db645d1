package com.iduscore.mock.domain.tenant;

import java.util.Optional;

/** Where tenants and their credentials live. {@link InMemoryTenantDirectory} is the default. */
public interface TenantDirectory {

    /** The credential whose key has this SHA-256 hash; every candidate is compared in constant time. */
    Optional<Credential> credentialByKeyHash(byte[] keyHash);

    Optional<Tenant> tenant(String tenantId);
}
