package com.iduscore.benchmark;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveConnectionTest {
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(202, 0); // 0 = chunked in the JDK server
            exchange.getResponseBody().write("first-".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            exchange.getResponseBody().write("second".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void reads_content_length_and_chunked_bodies_on_one_kept_alive_connection() throws Exception {
        try (KeepAliveConnection http = new KeepAliveConnection(server.getAddress().getPort())) {
            assertThat(http.exchange(KeepAliveConnection.request("GET", "/fixed", "", new byte[0]))).isEqualTo(200);
            assertThat(new String(http.lastBody(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
            assertThat(http.exchange(KeepAliveConnection.request("POST", "/chunked", "", "x".getBytes()))).isEqualTo(202);
            assertThat(new String(http.lastBody(), StandardCharsets.UTF_8)).isEqualTo("first-second");
            assertThat(http.exchange(KeepAliveConnection.request("GET", "/fixed", "", new byte[0]))).isEqualTo(200);
        }
    }

    @Test
    void a_load_run_counts_every_measured_request_and_flags_unexpected_statuses() throws Exception {
        byte[] get = KeepAliveConnection.request("GET", "/fixed", "", new byte[0]);
        // windows long enough for a request to complete on a machine busy with other builds
        LoadRun.Result ok = LoadRun.run("t", server.getAddress().getPort(), 2, Duration.ofMillis(50), Duration.ofSeconds(1), 200, c -> () -> get);
        LoadRun.Result wrong = LoadRun.run("t", server.getAddress().getPort(), 2, Duration.ZERO, Duration.ofMillis(500), 201, c -> () -> get);

        assertThat(ok.requests()).isPositive();
        assertThat(wrong.requests()).isPositive();
        assertThat(ok.unexpected()).isZero();
        assertThat(ok.p99Micros()).isGreaterThanOrEqualTo(ok.p50Micros());
        assertThat(wrong.unexpected()).isEqualTo(wrong.requests());
    }

    @Test
    void percentiles_are_nearest_rank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(LoadRun.percentile(sorted, 50)).isEqualTo(5);
        assertThat(LoadRun.percentile(sorted, 99)).isEqualTo(10);
        assertThat(LoadRun.percentile(new long[0], 99)).isZero();
    }
}
