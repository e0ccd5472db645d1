package com.iduscore.contract.target;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The run's {@code IDUSCORE_*} settings in one place: the process environment, overridden by JVM system properties of
 * the same name (the conformance jar turns its options into those, so an option wins over a variable; in Maven
 * {@code -DIDUSCORE_BASE_URL=…} works too).
 *
 * <p>Relative paths in settings ({@code IDUSCORE_BASELINE}, {@code IDUSCORE_REPORTS_DIR}, {@code IDUSCORE_MOCK_JAR}) are
 * resolved from the directory where the command was started: system property {@value #LAUNCH_DIR} (the pom passes the
 * Maven shell's {@code user.dir}, because surefire runs the suite in {@code contract-tests/}), else the process's working
 * directory (the jar).
 */
public final class RunEnvironment {

    /** The directory the user started the command in. */
    public static final String LAUNCH_DIR = "iduscore.launch.dir";

    private static final String PREFIX = "IDUSCORE_";

    private RunEnvironment() {
    }

    /** Every variable the run sees: the environment, then {@code IDUSCORE_*} system properties over it. */
    public static Map<String, String> variables() {
        Map<String, String> merged = new HashMap<>(System.getenv());
        System.getProperties().forEach((name, value) -> {
            if (name instanceof String n && n.startsWith(PREFIX) && value instanceof String v) {
                merged.put(n, v);
            }
        });
        return merged;
    }

    /** The directory relative paths are resolved from. */
    public static Path launchDir() {
        String configured = System.getProperty(LAUNCH_DIR);
        String dir = configured != null && !configured.isBlank() ? configured : System.getProperty("user.dir");
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** {@code path} as given when absolute, else under {@link #launchDir()}. */
    public static Path resolve(String path) {
        Path p = Path.of(path.trim());
        return p.isAbsolute() ? p : launchDir().resolve(p).normalize();
    }
}
