package com.iduscore.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IduScore mock server's Docker image as a Testcontainers container, for partners' own tests.
 *
 * <pre>{@code
 * // TESTCONTAINERS_RYUK_DISABLED=true in the test JVM's environment where no registry is reachable (see below)
 * @Testcontainers(disabledWithoutDocker = true)
 * class MyClientTest {
 *     @Container
 *     static final IduScoreMockContainer IDUSCORE = new IduScoreMockContainer("iduscore-mock-server:latest")
 *             .withManualClock().withAdminToken("s3cret");   // also withTenants(path), withStepDuration(d), withOption(..)
 *
 *     @Test
 *     void submits() {
 *         var client = new MyIduScoreClient(IDUSCORE.baseUrl(), "idu_demo_a1");   // a demo tenant's key
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The image runs {@code java -jar /app/iduscore-mock-server.jar --bind 0.0.0.0 --port 8080}; the options given
 * here are appended as the container's command. The container counts as started once the mock prints its
 * {@code IduScore mock listening on …} line. The demo tenants ({@code idu_demo_a1}, …) are built in unless
 * {@link #withTenants} replaces them.
 *
 * <p>Networking: by default port 8080 is published on a free host port, bound to 127.0.0.1 when the engine runs on
 * this machine. {@link #withHostNetwork()} runs the mock in the host's network instead, listening on 127.0.0.1 at a
 * port it picks itself: the mock's webhooks then reach a receiver the test runs on 127.0.0.1, with no
 * {@code host.testcontainers.internal} (which needs Testcontainers' sshd image). Host networking needs a Linux engine.
 *
 * <p>Nothing is pulled behind your back: the image (or, for {@link #fromDockerfile}, its base image) must be on the
 * engine or pullable in one attempt, else {@link #start()} fails at once with one line saying so. Testcontainers'
 * own Ryuk image is pulled from Docker Hub unless {@code TESTCONTAINERS_RYUK_DISABLED=true} is in the environment;
 * set it where no registry is reachable (this container is stopped by {@code @Container}, {@link #stop()}, or
 * Testcontainers' JVM shutdown hook).
 */
public class IduScoreMockContainer extends GenericContainer<IduScoreMockContainer> {

    /** The port the mock listens on inside the container (bridge networking). */
    public static final int PORT = 8080;

    /** The base image {@code .ci/docker-setup.sh} makes without any registry: Debian minbase and a jlinked runtime. */
    public static final String LOCAL_BASE_IMAGE = "iduscore-local-base:latest";

    /** The name an image built by {@link #fromDockerfile} gets (kept after the run, so the next build hits the cache). */
    public static final String BUILT_IMAGE = "iduscore-mock-server:latest";

    /** Where {@link #withTenants} puts the file in the container (the Dockerfile's documented tenants volume). */
    public static final String TENANTS_IN_CONTAINER = "/config/tenants.json";

    private static final String JAR = "target/iduscore-mock-server.jar";
    private static final Pattern LISTENING = Pattern.compile("IduScore mock listening on http://[^\\s:/]+:(\\d+)");
    private static final Pattern BASE_IMAGE_DEFAULT = Pattern.compile("(?m)^ARG BASE_IMAGE=(\\S+)");
    private static final Duration PULL_LIMIT = Duration.ofSeconds(60);

    private final List<String> options = new ArrayList<>();
    private final DockerImageName prebuilt;
    private final ImageFromDockerfile dockerfileImage;
    private final Path mockServerDir;
    private final String requestedBase;
    private String adminToken;
    private boolean hostNetwork;
    private int listeningPort;
    private boolean prepared;

    /** Runs a prebuilt image, e.g. {@code "iduscore-mock-server:latest"} made by {@code docker build -t … mock-server}. */
    public IduScoreMockContainer(String image) {
        this(DockerImageName.parse(image));
    }

    /** Runs a prebuilt image. */
    public IduScoreMockContainer(DockerImageName image) {
        super(image);
        this.prebuilt = image;
        this.dockerfileImage = null;
        this.mockServerDir = null;
        this.requestedBase = null;
        init();
    }

    private IduScoreMockContainer(ImageFromDockerfile image, Path mockServerDir, String baseImage) {
        super(image);
        this.prebuilt = null;
        this.dockerfileImage = image;
        this.mockServerDir = mockServerDir;
        this.requestedBase = baseImage;
        init();
    }

    /**
     * Builds the image from a checkout's {@code mock-server/} folder ({@code Dockerfile} and the jar that
     * {@code mvn -B package} puts in {@code target/}) on the first of: {@code IDUSCORE_BASE_IMAGE},
     * {@link #LOCAL_BASE_IMAGE} when the engine has it, the Dockerfile's default ({@code eclipse-temurin:21-jre}).
     */
    public static IduScoreMockContainer fromDockerfile(Path mockServerDir) {
        String fromEnvironment = System.getProperty("IDUSCORE_BASE_IMAGE", System.getenv("IDUSCORE_BASE_IMAGE"));
        return fromDockerfile(mockServerDir, fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim());
    }

    /** As {@link #fromDockerfile(Path)}, on the given base image (any image with Java 21+ on PATH); null: the default order. */
    public static IduScoreMockContainer fromDockerfile(Path mockServerDir, String baseImage) {
        Path dir = mockServerDir.toAbsolutePath().normalize();
        // files are read when the image is built, at start; the Docker cache makes a rebuild of an unchanged jar cheap
        ImageFromDockerfile image = new ImageFromDockerfile(BUILT_IMAGE, false)
                .withFileFromPath("Dockerfile", dir.resolve("Dockerfile"))
                .withFileFromPath(JAR, dir.resolve(JAR))
                .withBuildImageCmdModifier(cmd -> cmd.withPull(false));
        return new IduScoreMockContainer(image, dir, baseImage);
    }

    private void init() {
        // the image is checked (and pulled at most once) in configure(); Testcontainers' retrying pull never runs
        withImagePullPolicy(name -> false);
        waitingFor(Wait.forLogMessage(".*IduScore mock listening on http://.*\\n", 1).withStartupTimeout(Duration.ofSeconds(90)));
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

    /** Replaces the demo tenants with a tenants file of one's own (format: the mock's README). */
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

    /**
     * Runs in the host's network, listening on 127.0.0.1 at a free port the mock picks: webhooks to
     * {@code http://127.0.0.1:…} reach the test's own receiver. Linux engines only.
     */
    public IduScoreMockContainer withHostNetwork() {
        this.hostNetwork = true;
        return self();
    }

    /**
     * Checks the image before Testcontainers starts anything, so a missing one fails with one line of ours (inside
     * {@code configure()} Testcontainers would rebuild the image to name it in its own error). Checked at start, not
     * when declared, so a test class without Docker is skipped cleanly.
     */
    @Override
    public void start() {
        if (!prepared) {
            prepare();
            prepared = true;
        }
        super.start();
    }

    private void prepare() {
        DockerClient docker = DockerClientFactory.instance().client();
        if (dockerfileImage != null) {
            Path jar = mockServerDir.resolve(JAR);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("The mock server image is built from " + jar
                        + ", which does not exist: run mvn -B package first.");
            }
            String base = baseImage(docker);
            requireOnEngine(docker, base, "The base image", "make one without a registry with .ci/docker-setup.sh ("
                    + LOCAL_BASE_IMAGE + "), or set IDUSCORE_BASE_IMAGE to a local image with Java 21+");
            dockerfileImage.withBuildArg("BASE_IMAGE", base);
        } else {
            requireOnEngine(docker, prebuilt.asCanonicalNameString(), "The image",
                    "build it first: docker build -t " + prebuilt.asCanonicalNameString() + " mock-server");
        }
        if (hostNetwork) {
            String[] entrypoint = onLoopback(docker.inspectImageCmd(getDockerImageName()).exec().getConfig().getEntrypoint());
            withNetworkMode("host");
            // the image's health check probes port 8080, which the mock does not use here
            withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint(entrypoint)
                    .withHealthcheck(new HealthCheck().withTest(List.of("NONE"))));
        } else {
            addExposedPort(PORT);
            if (engineOnThisMachine()) {
                withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withPortBindings(new Ports(ExposedPort.tcp(PORT), Ports.Binding.bindIp("127.0.0.1"))));
            }
        }
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse containerInfo) {
        super.containerIsStarted(containerInfo);
        if (hostNetwork) {
            Matcher listening = LISTENING.matcher(getLogs());
            if (!listening.find()) {
                throw new IllegalStateException("The mock did not say which port it listens on: " + getLogs().strip());
            }
            listeningPort = Integer.parseInt(listening.group(1));
        }
    }

    /** {@code http://127.0.0.1:<port>} (or the engine's host), once started. */
    public String baseUrl() {
        if (hostNetwork) {
            return "http://127.0.0.1:" + listeningPort;
        }
        return "http://" + (engineOnThisMachine() ? "127.0.0.1" : getHost()) + ":" + getMappedPort(PORT);
    }

    /** The admin token given with {@link #withAdminToken}, or null. */
    public String adminToken() {
        return adminToken;
    }

    private boolean engineOnThisMachine() {
        String host = getHost();
        return "localhost".equals(host) || host.startsWith("127.");
    }

    private String baseImage(DockerClient docker) {
        if (requestedBase != null) {
            return requestedBase;
        }
        if (onEngine(docker, LOCAL_BASE_IMAGE)) {
            return LOCAL_BASE_IMAGE;
        }
        try {
            Matcher fallback = BASE_IMAGE_DEFAULT.matcher(Files.readString(mockServerDir.resolve("Dockerfile")));
            if (!fallback.find()) {
                throw new IllegalStateException(mockServerDir.resolve("Dockerfile") + " has no ARG BASE_IMAGE=<default>");
            }
            return fallback.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mockServerDir.resolve("Dockerfile"), e);
        }
    }

    private static boolean onEngine(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** One bounded pull attempt at most: without a registry that fails in a moment, never in minutes of retries. */
    private static void requireOnEngine(DockerClient docker, String image, String what, String hint) {
        if (onEngine(docker, image)) {
            return;
        }
        DockerImageName name = DockerImageName.parse(image);
        String problem;
        QuietPull pull = new QuietPull();
        try (pull) {
            boolean done = docker.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).exec(pull)
                    .awaitCompletion(PULL_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (pull.error != null) {
                throw pull.error;
            }
            if (done && onEngine(docker, image)) {
                return;
            }
            problem = done ? "the pull ended without it" : "no answer within " + PULL_LIMIT.toSeconds() + " s";
        } catch (IOException e) {
            problem = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        } catch (RuntimeException e) {
            problem = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse(e.getClass().getSimpleName());
        }
        throw new ImageUnavailableException(what + " " + image + " is not on this Docker engine and cannot be pulled ("
                + problem + "): " + hint + ".");
    }

    /** The image to run, or the base to build it on, is neither on the engine nor pullable: the environment's fault. */
    public static final class ImageUnavailableException extends IllegalStateException {
        ImageUnavailableException(String message) {
            super(message);
        }
    }

    /** Keeps a failed pull's error for our one line instead of docker-java's logged stack trace. */
    private static final class QuietPull extends ResultCallback.Adapter<PullResponseItem> {
        private volatile RuntimeException error;

        @Override
        public void onError(Throwable throwable) {
            error = throwable instanceof RuntimeException r ? r : new IllegalStateException(throwable.getMessage(), throwable);
            try {
                close();
            } catch (IOException ignored) {
                // closing releases awaitCompletion
            }
        }
    }

    /** The image's entrypoint with {@code --bind 127.0.0.1 --port 0} instead of its container-wide values. */
    private static String[] onLoopback(String[] entrypoint) {
        List<String> args = new ArrayList<>(Arrays.asList(entrypoint == null ? new String[0] : entrypoint));
        int bind = args.indexOf("--bind");
        int port = args.indexOf("--port");
        if (bind < 0 || port < 0 || bind + 1 >= args.size() || port + 1 >= args.size()) {
            throw new IllegalStateException("withHostNetwork() needs an image whose ENTRYPOINT passes --bind and --port, as"
                    + " mock-server/Dockerfile's does; this one runs " + args);
        }
        args.set(bind + 1, "127.0.0.1");
        args.set(port + 1, "0");
        return args.toArray(String[]::new);
    }
}
