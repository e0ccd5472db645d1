package com.iduscore.contract.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's memory: one {@link CheckRecord} per check, in the order checks started, plus the target's identity.
 * The JUnit extension writes to it, the HTTP filters add exchanges to the check bound to the current thread,
 * and the report listener reads it when the test plan ends. One per JVM (a surefire fork is one run).
 */
public final class RunRecorder {

    /** Inheritable, so threads a check starts itself (concurrency checks) still report into it. */
    private static final InheritableThreadLocal<CheckRecord> CURRENT = new InheritableThreadLocal<>();

    private final Map<String, CheckRecord> checks = new LinkedHashMap<>();
    private Instant startedAt = Instant.now();
    private String targetKind;
    private String targetBaseUrl;
    private boolean readOnly;
    private Coverage coverage = new Coverage();

    /** An empty recorder (each run has its own). */
    public RunRecorder() {
    }

    /** Starts a fresh run: forgets every check (the listener calls this when a test plan starts). */
    public synchronized void reset() {
        checks.clear();
        coverage = new Coverage();
        startedAt = Instant.now();
        targetKind = null;
        targetBaseUrl = null;
        readOnly = false;
    }

    public synchronized void target(String kind, String baseUrl) {
        target(kind, baseUrl, false);
    }

    public synchronized void target(String kind, String baseUrl, boolean readOnly) {
        this.targetKind = kind;
        this.targetBaseUrl = baseUrl;
        this.readOnly = readOnly;
    }

    /** Whether the run was in read-only mode ({@code IDUSCORE_READ_ONLY=true}). */
    public synchronized boolean readOnly() {
        return readOnly;
    }

    public synchronized String targetKind() {
        return targetKind;
    }

    public synchronized String targetBaseUrl() {
        return targetBaseUrl;
    }

    public synchronized Instant startedAt() {
        return startedAt;
    }

    /**
     * Registers a check as started. An id used twice gets a {@code #2} suffix, so no result hides another.
     */
    public synchronized CheckRecord begin(String id, String title, String operation, String source) {
        String key = id;
        for (int n = 2; checks.containsKey(key); n++) {
            key = id + "#" + n;
        }
        CheckRecord record = new CheckRecord(key, title, operation, source);
        checks.put(key, record);
        return record;
    }

    /** What the run's requests exercised of the OpenAPI document. */
    public synchronized Coverage coverage() {
        return coverage;
    }

    public synchronized List<CheckRecord> checks() {
        return new ArrayList<>(checks.values());
    }

    /** Binds a check to the current thread (and threads it starts) until the returned scope closes. */
    public static Scope bind(CheckRecord record) {
        CheckRecord previous = CURRENT.get();
        CURRENT.set(record);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The check running on this thread, if any. */
    public static Optional<CheckRecord> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** A binding that ends without checked exceptions. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
