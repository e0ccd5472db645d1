package com.iduscore.testcontainers;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link IduScoreMockContainer} and the README rely on in {@code mock-server/Dockerfile}, checked without Docker. */
class MockDockerfileTest {

    private final Path dockerfile = MockServerDir.get().resolve("Dockerfile");

    @Test
    void builds_on_a_base_image_given_as_a_build_argument_defaulting_to_the_public_jre_21() throws Exception {
        assertThat(Files.readString(dockerfile))
                .containsPattern("(?m)^ARG BASE_IMAGE=eclipse-temurin:21-jre$")
                .containsPattern("(?m)^FROM \\$\\{BASE_IMAGE}$");
    }

    @Test
    void runs_the_jar_on_all_interfaces_at_port_8080_with_options_appended_as_arguments() throws Exception {
        String text = Files.readString(dockerfile);

        assertThat(text).contains("COPY target/iduscore-mock-server.jar /app/iduscore-mock-server.jar", "EXPOSE 8080");
        assertThat(text).as("an ENTRYPOINT ending in the bind address and port, so container arguments are appended")
                .containsPattern("(?m)^ENTRYPOINT \\[\"java\", .*\"-jar\", \"/app/iduscore-mock-server.jar\", \"--bind\", \"0.0.0.0\", \"--port\", \"8080\"]$")
                .containsPattern("(?m)^CMD \\[]$");
    }

    @Test
    void does_not_run_as_root() throws Exception {
        assertThat(Files.readString(dockerfile)).containsPattern("(?m)^USER 10001:10001$");
    }

    @Test
    void prepares_the_documented_tenants_and_state_folders() throws Exception {
        String text = Files.readString(dockerfile);

        assertThat(text).contains("mkdir -p /config /data && chown 10001:10001 /data",
                "--tenants " + IduScoreMockContainer.TENANTS_IN_CONTAINER, "--state-file /data/state.json");
    }
}
