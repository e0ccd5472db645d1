package com.iduscore.mock.domain.tenant;

import java.util.List;

/**
 * One tenant as the tenants file declares it: {@code {"tenantId","active","webhook","rateLimitPerMinute","credentials"}}.
 *
 * @param webhook            where {@code result.ready} goes; {@code null} when none is registered
 * @param rateLimitPerMinute requests per minute per credential; {@code null} means unlimited
 */
public record TenantConfig(String tenantId, boolean active, WebhookConfig webhook, Integer rateLimitPerMinute,
                           List<CredentialConfig> credentials) {

    /** A registered webhook: callback URL, signing secret, and the optional key sent as {@code X-Api-Key}. */
    public record WebhookConfig(String url, String secret, String apiKey) {
    }

    /** A partner credential: the Partner ID (uuid) and its plaintext API key, which the mock hashes on load. */
    public record CredentialConfig(String partnerId, String apiKey) {
    }
}
