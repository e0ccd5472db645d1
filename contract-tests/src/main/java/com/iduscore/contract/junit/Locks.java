package com.iduscore.contract.junit;

/**
 * Resource-lock names for checks that share the target's mutable state. Check classes run in parallel; use them with
 * {@code @org.junit.jupiter.api.parallel.ResourceLock}.
 *
 * <ul>
 *   <li>{@link #CLOCK}: {@code mode = READ_WRITE} on a check that {@code advance}s the clock by more than a pipeline
 *       step (24 h idempotency window, 1 h artifact expiry, SLA breach); {@code mode = READ} on a check whose assertion
 *       would break if the clock jumped meanwhile (a fresh artifact URL downloads, no SLA breached on a normal run).
 *       {@code pollUntil}'s small steps need no lock: every check makes them, and they only speed the pipeline up.</li>
 *   <li>{@link #WEBHOOK_INBOX}: {@code READ_WRITE} on a check that calls {@code respondWith(status, times)} without a
 *       submission or partnerSubmissionId (it changes the answers other checks' deliveries get).</li>
 * </ul>
 */
public final class Locks {

    /** The target's clock (the stub's manual clock). */
    public static final String CLOCK = "iduscore.clock";

    /** The shared webhook inbox's scripted answers. */
    public static final String WEBHOOK_INBOX = "iduscore.webhook-inbox";

    private Locks() {
    }
}
