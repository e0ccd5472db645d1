package com.iduscore.contract.report;

import java.util.Locale;

/**
 * The outcome of one check. A skipped check is never counted as passed. {@code WARNED} is a pass with findings where
 * the contract leaves a choice open (the deployment chose a reading the check reports but does not fail): it never
 * fails the gate.
 */
public enum CheckStatus {
    PASSED, WARNED, FAILED, SKIPPED;

    /** Passed or warned: the deployment kept the contract. */
    public boolean kept() {
        return this == PASSED || this == WARNED;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
