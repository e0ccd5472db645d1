package com.iduscore.mock.junit5;

import java.util.List;

/**
 * A tenant the mock serves, with its credentials and webhook.
 *
 * @param webhookUrl    where {@code result.ready} goes ({@code null}: none registered)
 * @param webhookSecret the HMAC secret the mock signs webhooks with ({@code null}: none registered)
 */
public record Tenant(String tenantId, boolean active, List<Credential> credentials, String webhookUrl,
                     String webhookSecret) {

    public Tenant {
        credentials = List.copyOf(credentials);
    }

    /** A Partner ID and its API key (send as {@code X-Api-Key} or {@code Authorization: Bearer}). */
    public record Credential(String partnerId, String apiKey) {
    }

    /** The first credential's API key. */
    public String apiKey() {
        return credentials.getFirst().apiKey();
    }

    /** The first credential's Partner ID, the {@code partnerId} a submission must carry with {@link #apiKey()}. */
    public String partnerId() {
        return credentials.getFirst().partnerId();
    }

    /** The credential at {@code index} (demo-a has two: a second key of the same tenant gets 403 for the first's ids). */
    public Credential credential(int index) {
        return credentials.get(index);
    }
}
