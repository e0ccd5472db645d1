package com.iduscore.contract.target;

import com.iduscore.contract.webhook.WebhookInbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The deployment under test, as the checks see it. One instance per run, shared by every check class
 * (see {@link Targets#shared()}); the checks never ask which kind it is unless a behaviour truly differs.
 *
 * <p>Implementations are thread-safe: check classes run in parallel.
 */
public interface Target extends AutoCloseable {

    TargetKind kind();

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:53211}. */
    String baseUrl();

    /** The credential most checks use. */
    Credential primary();

    /** A second credential of the primary's tenant (for the 403 {@code FORBIDDEN} isolation checks). */
    Optional<Credential> secondCredential();

    /** A credential of another tenant (for the 404 cross-tenant checks). */
    Optional<Credential> otherTenant();

    /** An API key whose tenant is inactive (403 {@code TENANT_INACTIVE}). */
    Optional<String> inactiveApiKey();

    /** True when the checks must not create anything (production): checks that POST a submission are skipped. */
    boolean readOnly();

    /** How long a submission may take to reach its result, and the bound of every wait in the suite. */
    Duration resultTimeout();

    /** The receiver the deployment sends {@code result.ready} to, when one is configured. */
    Optional<WebhookInbox> webhooks();

    /**
     * Lets {@code by} of the server's time pass. Stub and container move the mock's manual clock
     * ({@code POST /__admin/iduscore/clock/advance}); a URL target can only wait that long in real time.
     * Checks that advance by more than a pipeline step hold {@code @ResourceLock(Locks.CLOCK)} (see {@code Locks}).
     */
    void advance(Duration by);

    /**
     * Probes until {@code done} holds and returns every observation, oldest first (the last one satisfies {@code done}).
     * Stub and container advance the manual clock by a small step between probes (no sleeping); a URL target
     * probes every ~500 ms. Bounded by {@link #resultTimeout()}; on timeout it fails with an {@link AssertionError}
     * naming the last observation.
     */
    <T> List<T> pollUntil(Supplier<T> probe, Predicate<T> done);

    /** Every credential and secret this target knows, for masking in reports. */
    default List<String> secrets() {
        return List.of();
    }

    /** Stops whatever the target started (the stub process, the container, the webhook inbox). */
    @Override
    void close();
}
