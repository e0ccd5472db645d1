package com.iduscore.mock.domain.tenant;

/** A tenant without its credentials: whether it may call, where its webhook goes, its rate limit. */
public record Tenant(String tenantId, boolean active, TenantConfig.WebhookConfig webhook, Integer rateLimitPerMinute) {

    @Override
    public String toString() {
        // the webhook secret and key stay out of logs
        return "Tenant[tenantId=" + tenantId + ", active=" + active + ", webhook=" + (webhook != null) + "]";
    }
}
