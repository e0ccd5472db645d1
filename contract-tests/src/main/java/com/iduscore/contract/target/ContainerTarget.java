package com.iduscore.contract.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.contract.webhook.WebhookInbox;
import com.iduscore.testcontainers.IduScoreMockContainer;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The mock server's Docker image via {@link IduScoreMockContainer} ({@code IDUSCORE_TARGET=container}): manual clock,
 * admin token, and the demo tenants with demo-a's webhook pointing at the suite's inbox. The container runs in the
 * host's network on a loopback port, so every request and every webhook stays on 127.0.0.1.
 *
 * <p>The image is {@code IDUSCORE_MOCK_IMAGE} when set, else built from {@code mock-server/Dockerfile} and the packaged
 * jar (on {@code IDUSCORE_BASE_IMAGE}, see {@link IduScoreMockContainer#fromDockerfile(Path)}). Where no Docker engine
 * answers, or the image (or its base) is neither on the engine nor pullable, every check is skipped with that reason.
 * The container's output is written to {@code contract-tests/target/iduscore-container.log} when it stops.
 */
public final class ContainerTarget extends ManualClockTarget {

    private final AtomicBoolean closed = new AtomicBoolean();

    private final IduScoreMockContainer container;
    private final WebhookInbox inbox;
    private final Path tenantsFile;
    private final Path log;

    private ContainerTarget(TargetSettings settings, IduScoreMockContainer container, String adminToken, WebhookInbox inbox,
                            Path tenantsFile, Path log) {
        super(settings, container.baseUrl(), adminToken, inbox);
        this.container = container;
        this.inbox = inbox;
        this.tenantsFile = tenantsFile;
        this.log = log;
    }

    /**
     * @throws TestAbortedException where no Docker engine answers or the image cannot be had: the checks are skipped
     * @throws TargetConfigurationException where the container starts but the mock does not serve
     */
    public static ContainerTarget start(TargetSettings settings) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new TestAbortedException("IDUSCORE_TARGET=container: no Docker engine answers here (start one, e.g."
                    + " with .ci/docker-setup.sh)");
        }
        String adminToken = StubTarget.randomHex(24);
        String secret = "whsec_" + StubTarget.randomHex(16);
        String webhookKey = "whk_" + StubTarget.randomHex(12);
        WebhookInbox inbox = WebhookInbox.start("127.0.0.1", 0, secret, settings.webhookHeaderPrefix(), webhookKey,
                settings.resultTimeout());
        Path root = ReactorPaths.root();
        IduScoreMockContainer container = null;
        Path tenants = null;
        try {
            tenants = Files.createTempFile("iduscore-tenants-", ".json");
            new ObjectMapper().writeValue(tenants.toFile(),
                    DemoTenants.load().withWebhookForPrimary(inbox.url(), secret, webhookKey));
            container = settings.mockImage().map(IduScoreMockContainer::new)
                    .orElseGet(() -> IduScoreMockContainer.fromDockerfile(root.resolve("mock-server")))
                    .withHostNetwork()
                    .withManualClock()
                    .withAdminToken(adminToken)
                    .withTenants(tenants);
            if (!TargetSettings.DEFAULT_WEBHOOK_HEADER_PREFIX.equals(settings.webhookHeaderPrefix())) {
                container.withWebhookHeaderPrefix(settings.webhookHeaderPrefix());
            }
            container.start();
            return new ContainerTarget(settings, container, adminToken, inbox, tenants,
                    root.resolve("contract-tests/target/iduscore-container.log"));
        } catch (IOException e) {
            cleanUp(inbox, null, tenants);
            throw new UncheckedIOException("cannot write the container's tenants file", e);
        } catch (IduScoreMockContainer.ImageUnavailableException e) {
            cleanUp(inbox, container, tenants);
            throw new TestAbortedException("IDUSCORE_TARGET=container: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cleanUp(inbox, container, tenants);
            throw new TargetConfigurationException("The container target could not start the mock image: "
                    + firstLine(e), e);
        }
    }

    private static void cleanUp(WebhookInbox inbox, IduScoreMockContainer container, Path tenants) {
        inbox.close();
        if (container != null) {
            container.stop();
        }
        deleteQuietly(tenants);
    }

    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().strip().lines().findFirst().orElse("") + (t == e ? "" : " (" + e.getMessage() + ")");
            }
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public TargetKind kind() {
        return TargetKind.CONTAINER;
    }

    @Override
    public String baseUrl() {
        return container.baseUrl();
    }

    /** Idempotent: the JUnit root context and the shutdown hook may both call it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, container.getLogs());
        } catch (IOException | RuntimeException ignored) {
            // the log is a convenience; stopping matters
        }
        try {
            container.stop();
        } finally {
            inbox.close();
            deleteQuietly(tenantsFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
