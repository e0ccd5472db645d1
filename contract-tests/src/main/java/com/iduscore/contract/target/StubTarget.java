package com.iduscore.contract.target;

import com.iduscore.contract.webhook.WebhookInbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The mock server as a separate process: {@code java -jar mock-server/target/iduscore-mock-server.jar --port 0
 * --clock manual --tenants <generated> --admin-token <random>}. The generated tenants file is the demo tenants with a
 * webhook for demo-a pointing at the suite's {@link WebhookInbox}. The process's output goes to
 * {@code contract-tests/target/iduscore-mock.log}; {@link #close()} stops it through its {@link Process} handle.
 */
public final class StubTarget extends ManualClockTarget {

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MockJarProcess mock;
    private final WebhookInbox inbox;

    private StubTarget(TargetSettings settings, MockJarProcess mock, String adminToken, WebhookInbox inbox) {
        super(settings, mock.baseUrl(), adminToken, inbox);
        this.mock = mock;
        this.inbox = inbox;
    }

    /**
     * The mock jar the stub target runs: {@code IDUSCORE_MOCK_JAR}, else {@code mock-server/target/iduscore-mock-server.jar}
     * under the reactor root; fails with the one message a user needs when it is not there.
     */
    public static Path mockJar(TargetSettings settings) {
        Path jar = settings.mockJar().orElse(ReactorPaths.root().resolve("mock-server/target/iduscore-mock-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new TargetConfigurationException("The stub target needs the mock server jar at " + jar
                    + ", which does not exist: run mvn -B package first (or mvn -B verify, which builds it before the"
                    + " suite runs), set IDUSCORE_MOCK_JAR (the jar: --mock-jar), or point the suite at a deployment with"
                    + " IDUSCORE_BASE_URL (--base-url).");
        }
        return jar;
    }

    /** Starts the mock jar and waits (bounded) for its {@code listening on} line. */
    public static StubTarget start(TargetSettings settings) {
        Path jar = mockJar(settings);
        String adminToken = randomHex(24);
        String webhookSecret = "whsec_" + randomHex(16);
        String webhookKey = "whk_" + randomHex(12);
        WebhookInbox inbox = WebhookInbox.start("127.0.0.1", 0, webhookSecret, settings.webhookHeaderPrefix(), webhookKey,
                settings.resultTimeout());
        try {
            List<String> options = new ArrayList<>(List.of("--clock", "manual", "--admin-token", adminToken));
            if (!TargetSettings.DEFAULT_WEBHOOK_HEADER_PREFIX.equals(settings.webhookHeaderPrefix())) {
                options.addAll(List.of("--webhook-header-prefix", settings.webhookHeaderPrefix()));
            }
            MockJarProcess mock = MockJarProcess.start(jar,
                    DemoTenants.load().withWebhookForPrimary(inbox.url(), webhookSecret, webhookKey), options,
                    mockLog());
            return new StubTarget(settings, mock, adminToken, inbox);
        } catch (RuntimeException e) {
            inbox.close();
            throw e;
        }
    }

    /** In the repository: {@code contract-tests/target/iduscore-mock.log}; elsewhere (the jar): a temporary file. */
    private static Path mockLog() {
        return ReactorPaths.root(Path.of(System.getProperty("user.dir")))
                .map(root -> root.resolve("contract-tests/target/iduscore-mock.log"))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "iduscore-mock-" + ProcessHandle.current().pid() + ".log"));
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.STUB;
    }

    @Override
    public String baseUrl() {
        return mock.baseUrl();
    }

    /** The mock's output log. */
    public Path log() {
        return mock.log();
    }

    /** The process's id, e.g. to tell a person which process to look at. */
    public long pid() {
        return mock.pid();
    }

    /** Idempotent: the JUnit root context and the shutdown hook may both call it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            mock.close();
        } finally {
            inbox.close();
        }
    }
}
