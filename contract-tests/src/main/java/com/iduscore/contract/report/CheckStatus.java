package com.iduscore.contract.report;

import java.util.Locale;

/** The outcome of one check. A skipped check is never counted as passed. */
public enum CheckStatus {
    PASSED, FAILED, SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
