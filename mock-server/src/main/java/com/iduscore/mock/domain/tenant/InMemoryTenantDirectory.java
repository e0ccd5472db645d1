package com.iduscore.mock.domain.tenant;

import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tenants from the tenants file, held in memory. Keys are hashed here, on load, and the plain text is dropped.
 * A file that cannot work (a duplicate tenant, key or Partner ID, a Partner ID that is not a UUID, a webhook
 * without URL or secret) is refused with an IllegalArgumentException that names the tenant.
 */
public final class InMemoryTenantDirectory implements TenantDirectory {
    private final Map<String, Tenant> tenants = new LinkedHashMap<>();
    private final List<Credential> credentials = new ArrayList<>();

    public InMemoryTenantDirectory(List<TenantConfig> configs) {
        for (TenantConfig config : configs) {
            String tenantId = config.tenantId();
            if (tenantId == null || tenantId.isBlank()) {
                throw new IllegalArgumentException("A tenant has no tenantId");
            }
            if (tenants.containsKey(tenantId)) {
                throw new IllegalArgumentException("Tenant " + tenantId + " is declared twice");
            }
            checkWebhook(tenantId, config.webhook());
            tenants.put(tenantId, new Tenant(tenantId, config.active(), config.webhook(), config.rateLimitPerMinute()));
            List<TenantConfig.CredentialConfig> declared = config.credentials() == null ? List.of() : config.credentials();
            for (TenantConfig.CredentialConfig credential : declared) {
                credentials.add(toCredential(tenantId, credential));
            }
        }
    }

    private Credential toCredential(String tenantId, TenantConfig.CredentialConfig config) {
        UUID partnerId;
        try {
            partnerId = UUID.fromString(String.valueOf(config.partnerId()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Tenant " + tenantId + ": partnerId '" + config.partnerId() + "' is not a UUID");
        }
        if (config.apiKey() == null || config.apiKey().isBlank()) {
            throw new IllegalArgumentException("Tenant " + tenantId + ": credential " + partnerId + " has no apiKey");
        }
        byte[] hash = ApiKeys.sha256(config.apiKey());
        for (Credential existing : credentials) {
            if (existing.partnerId().equals(partnerId)) {
                throw new IllegalArgumentException("Tenant " + tenantId + ": partnerId " + partnerId + " is declared twice");
            }
            if (MessageDigest.isEqual(existing.keyHash(), hash)) {
                throw new IllegalArgumentException("Tenant " + tenantId + ": the apiKey of credential " + partnerId
                        + " is already used by credential " + existing.partnerId());
            }
        }
        return new Credential(tenantId, partnerId, hash);
    }

    private static void checkWebhook(String tenantId, TenantConfig.WebhookConfig webhook) {
        if (webhook == null) {
            return;
        }
        if (webhook.url() == null || webhook.secret() == null || webhook.secret().isEmpty()) {
            throw new IllegalArgumentException("Tenant " + tenantId + ": a webhook needs both url and secret");
        }
        try {
            URI uri = URI.create(webhook.url());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Tenant " + tenantId + ": webhook url '" + webhook.url()
                    + "' is not an absolute http(s) URL");
        }
    }

    @Override
    public Optional<Credential> credentialByKeyHash(byte[] keyHash) {
        Credential match = null;
        // no early exit: the time taken does not depend on which credential matched
        for (Credential credential : credentials) {
            if (MessageDigest.isEqual(credential.keyHash(), keyHash)) {
                match = credential;
            }
        }
        return Optional.ofNullable(match);
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }
}
