package com.iduscore.testcontainers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mock's image built from {@code mock-server/Dockerfile} and run as a partner would. Skipped, with
 * Testcontainers' reason, where no Docker engine answers; needs {@code mvn -B package} first (the reactor does it).
 */
@Testcontainers(disabledWithoutDocker = true)
class IduScoreMockContainerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Container
    static final IduScoreMockContainer MOCK = IduScoreMockContainer.fromDockerfile(MockServerDir.get())
            .withManualClock().withAdminToken("container-test");

    @Test
    void serves_health_and_accepts_a_demo_key_on_the_auth_probe() throws Exception {
        HttpResponse<String> health = get(MOCK.baseUrl() + "/health", null);
        HttpResponse<String> probe = get(MOCK.baseUrl() + "/v1/partner-auth-probe", "idu_demo_a1");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
        assertThat(probe.statusCode()).isEqualTo(204);
    }

    @Test
    void moves_its_manual_clock_through_the_admin_api_with_the_token() throws Exception {
        long before = clock();
        HttpResponse<String> advance = HTTP.send(HttpRequest.newBuilder(URI.create(MOCK.baseUrl() + "/__admin/iduscore/clock/advance"))
                .header("Authorization", "Bearer container-test").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"millis\":60000}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(advance.statusCode()).isEqualTo(200);
        assertThat(clock() - before).isEqualTo(60_000);
    }

    @Test
    void publishes_its_port_on_the_loopback_interface_only() {
        Ports.Binding[] bindings = MOCK.getContainerInfo().getNetworkSettings().getPorts().getBindings()
                .get(ExposedPort.tcp(IduScoreMockContainer.PORT));

        assertThat(bindings).extracting(Ports.Binding::getHostIp).containsOnly("127.0.0.1");
        assertThat(MOCK.baseUrl()).startsWith("http://127.0.0.1:");
    }

    @Test
    void runs_as_the_unprivileged_user_10001() throws Exception {
        assertThat(MOCK.execInContainer("id", "-u").getStdout().strip()).isEqualTo("10001");
    }

    @Test
    void a_missing_image_fails_at_once_with_one_line_naming_it() {
        long started = System.nanoTime();
        try (IduScoreMockContainer missing = new IduScoreMockContainer("iduscore-no-such-image:0")) {
            assertThatThrownBy(missing::start)
                    .isInstanceOf(IduScoreMockContainer.ImageUnavailableException.class)
                    .hasMessageContaining("The image iduscore-no-such-image:0 is not on this Docker engine and cannot be pulled")
                    .hasMessageContaining("docker build -t iduscore-no-such-image:0 mock-server")
                    .message().doesNotContain("\n");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    private static long clock() throws IOException, InterruptedException {
        String body = get(MOCK.baseUrl() + "/__admin/iduscore/clock", "container-test", true).body();
        return java.time.Instant.parse(body.replaceAll(".*\"now\"\\s*:\\s*\"([^\"]+)\".*", "$1").strip()).toEpochMilli();
    }

    private static HttpResponse<String> get(String url, String apiKey) throws IOException, InterruptedException {
        return get(url, apiKey, false);
    }

    private static HttpResponse<String> get(String url, String key, boolean admin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header(admin ? "Authorization" : "X-Api-Key", admin ? "Bearer " + key : key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
