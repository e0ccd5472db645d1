package com.iduscore.contract.container;

import com.iduscore.contract.target.ReactorPaths;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The IduScore mock server in Docker, for partners' own tests as much as for the suite's {@code container} target.
 *
 * <pre>{@code
 * @Testcontainers
 * class MyClientTest {
 *     @Container
 *     static IduScoreMockContainer iduscore = new IduScoreMockContainer(DockerImageName.parse("iduscore-mock-server:latest"))
 *             .withManualClock().withAdminToken("secret");
 *
 *     @Test
 *     void submits() {
 *         MyClient client = new MyClient(iduscore.baseUrl(), "idu_demo_a1");
 *         ...
 *     }
 * }
 * }</pre>
 *
 * The image runs {@code java -jar /app/iduscore-mock-server.jar --bind 0.0.0.0 --port 8080}; options given here are
 * appended as the container's command. The container counts as started once {@code GET /health} answers 200.
 * The demo tenants ({@code idu_demo_a1}, ...) are built in unless {@link #withTenants} replaces them.
 */
public class IduScoreMockContainer extends GenericContainer<IduScoreMockContainer> {

    /** The port the mock listens on inside the container. */
    public static final int PORT = 8080;

    private static final String TENANTS_IN_CONTAINER = "/app/tenants.json";

    private final List<String> options = new ArrayList<>();
    private final Path localJar;
    private String adminToken;

    /** Builds the image from this repository's {@code mock-server/Dockerfile} and jar (run {@code mvn -B package} first). */
    public IduScoreMockContainer() {
        this(ReactorPaths.root());
    }

    /** Builds the image from {@code <reactorRoot>/mock-server/Dockerfile} and {@code target/iduscore-mock-server.jar}. */
    public IduScoreMockContainer(Path reactorRoot) {
        super(localImage(reactorRoot));
        this.localJar = reactorRoot.resolve(JAR);
        init();
    }

    /** Runs a prebuilt image, e.g. {@code DockerImageName.parse("iduscore-mock-server:0.1.0")}. */
    public IduScoreMockContainer(DockerImageName image) {
        super(image);
        this.localJar = null;
        init();
    }

    private void init() {
        withExposedPorts(PORT);
        waitingFor(Wait.forHttp("/health").forPort(PORT).forStatusCode(200).withStartupTimeout(Duration.ofSeconds(90)));
    }

    /** Checked when the container starts, not when it is declared, so a test class without Docker is skipped cleanly. */
    @Override
    protected void configure() {
        if (localJar != null && !Files.isRegularFile(localJar)) {
            throw new IllegalStateException("The mock server image is built from " + localJar
                    + ", which does not exist: run mvn -B package first.");
        }
        super.configure();
    }

    private static final String JAR = "mock-server/target/iduscore-mock-server.jar";

    private static ImageFromDockerfile localImage(Path root) {
        Path dockerfile = root.resolve("mock-server/Dockerfile");
        Path jar = root.resolve(JAR);
        // files are read when the image is built, at start
        return new ImageFromDockerfile("iduscore-mock-server", false)
                .withFileFromPath("Dockerfile", dockerfile)
                .withFileFromPath("target/iduscore-mock-server.jar", jar);
    }

    /** Time passes only through {@code POST /__admin/iduscore/clock/advance}: deterministic tests, no sleeping. */
    public IduScoreMockContainer withManualClock() {
        return withOption("--clock", "manual");
    }

    /** Protects the admin API with a Bearer token. */
    public IduScoreMockContainer withAdminToken(String token) {
        this.adminToken = token;
        return withOption("--admin-token", token);
    }

    /** Replaces the demo tenants with a tenants file of one's own (format: see the mock's README). */
    public IduScoreMockContainer withTenants(Path tenantsFile) {
        withCopyFileToContainer(MountableFile.forHostPath(tenantsFile, 0644), TENANTS_IN_CONTAINER);
        return withOption("--tenants", TENANTS_IN_CONTAINER);
    }

    /** {@code X-Idunox-} (default) or {@code X-IduScore-}. */
    public IduScoreMockContainer withWebhookHeaderPrefix(String prefix) {
        return withOption("--webhook-header-prefix", prefix);
    }

    /** How long each pipeline step takes on the mock's clock (default 300 ms). */
    public IduScoreMockContainer withStepDuration(Duration step) {
        return withOption("--step-duration", step.toMillis() + "ms");
    }

    /** Any other mock option, e.g. {@code withOption("--sla", "2m")}. */
    public IduScoreMockContainer withOption(String name, String value) {
        options.add(name);
        options.add(value);
        setCommand(options.toArray(String[]::new));
        return self();
    }

    /** {@code http://<host>:<mapped port>}, once started. */
    public String baseUrl() {
        return "http://" + getHost() + ":" + getMappedPort(PORT);
    }

    /** The admin token given with {@link #withAdminToken}, or null. */
    public String adminToken() {
        return adminToken;
    }
}
