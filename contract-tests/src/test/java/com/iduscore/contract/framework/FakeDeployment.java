package com.iduscore.contract.framework;

import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.target.TargetKind;
import com.iduscore.contract.webhook.WebhookInbox;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A tiny stand-in deployment for the framework's own tests: {@code GET /health} answers as the contract says, and
 * every other route answers a contract-shaped 404. A {@link Target} over it, read-only, without a webhook inbox.
 */
final class FakeDeployment implements Target {

    private final HttpServer server;
    private final boolean readOnly;

    FakeDeployment(boolean readOnly) {
        this.readOnly = readOnly;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String requestId = UUID.randomUUID().toString();
            byte[] body;
            int status;
            exchange.getResponseHeaders().add("x-request-id", requestId);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (exchange.getRequestURI().getPath().equals("/health")) {
                status = 200;
                body = ("{\"status\":\"ok\",\"timestamp\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = ("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Not found\",\"requestId\":\"" + requestId + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @Override
    public TargetKind kind() {
        return TargetKind.URL;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public Credential primary() {
        return new Credential("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a", "idu_fake_primary");
    }

    @Override
    public Optional<Credential> secondCredential() {
        return Optional.empty();
    }

    @Override
    public Optional<Credential> otherTenant() {
        return Optional.empty();
    }

    @Override
    public Optional<String> inactiveApiKey() {
        return Optional.empty();
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public Duration resultTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Optional<WebhookInbox> webhooks() {
        return Optional.empty();
    }

    @Override
    public void advance(Duration by) {
        // nothing moves in the fake
    }

    @Override
    public <T> List<T> pollUntil(Supplier<T> probe, Predicate<T> done) {
        List<T> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            T value = probe.get();
            seen.add(value);
            if (done.test(value)) {
                return seen;
            }
        }
        throw new AssertionError("not reached; last observation: " + seen.get(seen.size() - 1));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
