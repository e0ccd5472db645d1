package com.iduscore.contract.target;

import java.util.Objects;

/**
 * A partner credential: the Partner ID (a UUID, sent as the body's {@code partnerId}) and its API key (sent as {@code X-Api-Key}).
 * {@link #toString()} masks the key, so a credential can be printed in a failure message safely.
 */
public record Credential(String partnerId, String apiKey) {

    public Credential {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public String toString() {
        return "Credential[partnerId=" + partnerId + ", apiKey=" + com.iduscore.contract.report.Masking.maskKey(apiKey) + "]";
    }
}
