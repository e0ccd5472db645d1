package com.iduscore.contract.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.contract.container.IduScoreMockContainer;
import com.iduscore.contract.webhook.WebhookInbox;
import org.testcontainers.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The mock server's Docker image via {@link IduScoreMockContainer} ({@code IDUSCORE_TARGET=container}): manual clock,
 * admin token, and the demo tenants with demo-a's webhook pointing at the suite's inbox through
 * {@code host.testcontainers.internal}.
 */
public final class ContainerTarget extends ManualClockTarget {

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private final IduScoreMockContainer container;
    private final WebhookInbox inbox;
    private final Path tenantsFile;

    private ContainerTarget(TargetSettings settings, IduScoreMockContainer container, String adminToken, WebhookInbox inbox,
                            Path tenantsFile) {
        super(settings, container.baseUrl(), adminToken, inbox);
        this.container = container;
        this.inbox = inbox;
        this.tenantsFile = tenantsFile;
    }

    public static ContainerTarget start(TargetSettings settings) {
        String adminToken = StubTarget.randomHex(24);
        String secret = "whsec_" + StubTarget.randomHex(16);
        String webhookKey = "whk_" + StubTarget.randomHex(12);
        WebhookInbox inbox = WebhookInbox.start("127.0.0.1", 0, secret, settings.webhookHeaderPrefix(), webhookKey,
                settings.resultTimeout());
        IduScoreMockContainer container = null;
        try {
            Testcontainers.exposeHostPorts(inbox.port());
            Path tenants = Files.createTempFile("iduscore-tenants-", ".json");
            new ObjectMapper().writeValue(tenants.toFile(),
                    DemoTenants.load().withWebhookForPrimary(inbox.url("host.testcontainers.internal"), secret, webhookKey));
            container = settings.mockImage().map(DockerImageName::parse).map(IduScoreMockContainer::new)
                    .orElseGet(IduScoreMockContainer::new)
                    .withManualClock()
                    .withAdminToken(adminToken)
                    .withTenants(tenants)
                    .withAccessToHost(true);
            if (!TargetSettings.DEFAULT_WEBHOOK_HEADER_PREFIX.equals(settings.webhookHeaderPrefix())) {
                container.withWebhookHeaderPrefix(settings.webhookHeaderPrefix());
            }
            container.start();
            return new ContainerTarget(settings, container, adminToken, inbox, tenants);
        } catch (IOException e) {
            inbox.close();
            throw new UncheckedIOException("cannot write the container's tenants file", e);
        } catch (RuntimeException e) {
            inbox.close();
            if (container != null) {
                container.stop();
            }
            throw new TargetConfigurationException("The container target could not start the mock image: " + e.getMessage()
                    + " (is a Docker engine running? IDUSCORE_TARGET=container needs one)", e);
        }
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
            container.stop();
        } finally {
            inbox.close();
            try {
                Files.deleteIfExists(tenantsFile);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }
}
