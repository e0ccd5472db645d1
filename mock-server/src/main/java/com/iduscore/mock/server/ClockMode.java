package com.iduscore.mock.server;

import java.util.Locale;

/** {@code real}: wall time, the pipeline advances by itself. {@code manual}: time moves only through the admin API. */
public enum ClockMode {
    REAL, MANUAL;

    /** The word the CLI and the listening line use: {@code real} or {@code manual}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
