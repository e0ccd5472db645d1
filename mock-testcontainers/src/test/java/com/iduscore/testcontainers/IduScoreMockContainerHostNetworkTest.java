package com.iduscore.testcontainers;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IduScoreMockContainer#withHostNetwork()}: the mock in the host's network on a loopback port it picks, so its
 * webhooks reach a receiver on 127.0.0.1 (the contract suite's webhook checks run that way against the container).
 */
@Testcontainers(disabledWithoutDocker = true)
class IduScoreMockContainerHostNetworkTest {

    @Container
    static final IduScoreMockContainer MOCK = IduScoreMockContainer.fromDockerfile(MockServerDir.get()).withHostNetwork();

    @Test
    void listens_on_a_loopback_port_it_picked_itself_not_on_8080() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(MOCK.baseUrl() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(MOCK.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":8080");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(MOCK.getContainerInfo().getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(MOCK.getLogs()).contains("IduScore mock listening on " + MOCK.baseUrl());
    }
}
