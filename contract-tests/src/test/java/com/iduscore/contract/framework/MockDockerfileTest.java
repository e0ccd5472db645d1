package com.iduscore.contract.framework;

import com.iduscore.contract.target.ReactorPaths;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code IduScoreMockContainer} relies on in {@code mock-server/Dockerfile}, checked without Docker. */
class MockDockerfileTest {

    private final Path dockerfile = ReactorPaths.root().resolve("mock-server/Dockerfile");

    @Test
    void runs_the_jar_on_a_jre_21_on_all_interfaces_at_port_8080() throws Exception {
        String text = Files.readString(dockerfile);

        assertThat(text).contains("FROM eclipse-temurin:21-jre", "COPY target/iduscore-mock-server.jar",
                "\"--bind\", \"0.0.0.0\", \"--port\", \"8080\"", "EXPOSE 8080");
        assertThat(text).as("an ENTRYPOINT, so options given to the container are appended").contains("ENTRYPOINT [");
    }

    @Test
    void does_not_run_as_root() throws Exception {
        assertThat(Files.readString(dockerfile)).containsPattern("(?m)^USER (?!root)\\S+");
    }
}
