package com.iduscore.contract.selftest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.target.MockJarProcess;
import com.iduscore.contract.target.ReactorPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The conforming deployment behind the {@link DeviationProxy}: {@code java -jar mock-server/target/iduscore-mock-server.jar
 * --port 0 --clock real --step-duration 20ms --tenants <file>}, started once for the whole self-test. Its output goes to
 * {@code contract-tests/target/selftest-mock.log}; closing the returned {@link MockJarProcess} stops it.
 *
 * <p>The jar is {@code IDUSCORE_MOCK_JAR} (or the system property {@code iduscore.mockJar}) when set, else the
 * reactor's {@code mock-server/target/iduscore-mock-server.jar}.
 */
final class MockProcess {

    private MockProcess() {
    }

    /** The mock jar to run, or a clear reason why there is none. */
    static Path jar() {
        String configured = System.getProperty("iduscore.mockJar", System.getenv("IDUSCORE_MOCK_JAR"));
        Path jar = configured != null && !configured.isBlank() ? Path.of(configured.trim())
                : ReactorPaths.root().resolve("mock-server/target/iduscore-mock-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The self-test needs the mock server jar at " + jar + ", which does not exist:"
                    + " build it with mvn -B -q -pl mock-server -am package -DskipTests (or set IDUSCORE_MOCK_JAR).");
        }
        return jar;
    }

    /** Starts the mock with {@code tenants} as its tenants file, real clock, 20 ms pipeline steps. */
    static MockJarProcess start(ObjectNode tenants) {
        return MockJarProcess.start(jar(), tenants, List.of("--clock", "real", "--step-duration", "20ms"),
                ReactorPaths.root().resolve("contract-tests/target/selftest-mock.log"));
    }
}
