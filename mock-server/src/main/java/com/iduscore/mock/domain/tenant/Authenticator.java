package com.iduscore.mock.domain.tenant;

import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.error.ApiErrors;

/** Turns a presented API key into a {@link Caller}, or refuses it (CONTRACT.md D4: INVALID_API_KEY before TENANT_INACTIVE). The key is never logged. */
public final class Authenticator {
    private final TenantDirectory directory;

    public Authenticator(TenantDirectory directory) {
        this.directory = directory;
    }

    public Caller authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiErrors.invalidApiKey();
        }
        Credential credential = directory.credentialByKeyHash(ApiKeys.sha256(apiKey)).orElseThrow(ApiErrors::invalidApiKey);
        Tenant tenant = directory.tenant(credential.tenantId()).orElseThrow(ApiErrors::invalidApiKey);
        if (!tenant.active()) {
            throw ApiErrors.tenantInactive();
        }
        return new Caller(tenant.tenantId(), credential.partnerId(), tenant.rateLimitPerMinute());
    }
}
