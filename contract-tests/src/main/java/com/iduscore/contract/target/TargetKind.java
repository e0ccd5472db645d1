package com.iduscore.contract.target;

/** Which kind of deployment the suite talks to; the same checks run against each. */
public enum TargetKind {
    /** The mock server, started by the suite as a separate process on a free port with a manual clock. */
    STUB,
    /** Any deployment reached by {@code IDUSCORE_BASE_URL}; public API only. */
    URL,
    /** The mock server's Docker image, started with Testcontainers. */
    CONTAINER;

    /** The lower-case name used in reports and in {@code IDUSCORE_TARGET}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
