package com.iduscore.contract.selftest;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy over real HTTP, between a JDK client and two tiny JDK servers standing in for the deployment and for the
 * suite's webhook inbox.
 */
class DeviationProxyTest {

    private HttpServer deployment;
    private HttpServer inbox;
    private final List<String> inboxSaw = new CopyOnWriteArrayList<>();
    private DeviationProxy proxy;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        deployment = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        deployment.createContext("/", exchange -> {
            String self = "http://127.0.0.1:" + deployment.getAddress().getPort();
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI() + "\",\"key\":\"" + exchange.getRequestHeaders().getFirst("X-Api-Key")
                    + "\",\"encoding\":\"" + exchange.getRequestHeaders().getFirst("Accept-Encoding")
                    + "\",\"downloadUrl\":\"" + self + "/_mock/artifacts/a1\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-request-id", "rid-1");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/missing") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        deployment.start();
        inbox = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        inbox.createContext("/", exchange -> {
            inboxSaw.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " signed " + exchange.getRequestHeaders().getFirst("X-Idunox-Signature"));
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        inbox.start();
        proxy = DeviationProxy.start();
        proxy.forwardTo("http://127.0.0.1:" + deployment.getAddress().getPort());
        proxy.relayTo("http://127.0.0.1:" + inbox.getAddress().getPort() + "/webhooks");
    }

    @AfterEach
    void stop() {
        proxy.close();
        deployment.stop(0);
        inbox.stop(0);
    }

    @Test
    void forwards_untouched_without_a_deviation_but_points_the_deployments_own_links_at_itself() throws Exception {
        HttpResponse<String> response = get("/v1/results/r1?x=1", "idu_key", "gzip");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-request-id")).contains("rid-1");
        assertThat(response.body()).contains("\"path\":\"/v1/results/r1?x=1\"", "\"key\":\"idu_key\"")
                .contains("\"downloadUrl\":\"" + proxy.baseUrl() + "/_mock/artifacts/a1\"");
        assertThat(response.body()).as("asks the deployment for plain bodies, since it may rewrite them")
                .contains("\"encoding\":\"null\"");
        assertThat(proxy.applied()).isZero();
    }

    @Test
    void counts_each_message_the_planted_deviation_changed_and_only_those() throws Exception {
        proxy.plant(new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                return response.status() == 404 ? response.withStatus(200) : response;
            }
        });

        assertThat(get("/missing", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/present", null, null).statusCode()).isEqualTo(200);
        assertThat(proxy.applied()).isEqualTo(1);

        proxy.plant(Deviation.NONE);
        assertThat(get("/missing", null, null).statusCode()).isEqualTo(404);
        assertThat(proxy.applied()).isZero();
    }

    @Test
    void lets_a_deviation_ask_the_deployment_as_another_credential() throws Exception {
        proxy.plant(new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                return mock.send(request.as("idu_owner"));
            }
        });

        assertThat(get("/v1/submissions/s1", "idu_other", null).body()).contains("\"key\":\"idu_owner\"");
    }

    @Test
    void relays_webhooks_to_the_inbox_and_hands_the_inbox_answer_back() throws Exception {
        List<Integer> answered = new CopyOnWriteArrayList<>();
        proxy.plant(new Deviation() {
            @Override
            public Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
                return Optional.of(delivery.withHeader("X-Idunox-Signature", delivery.signature("sec", "1")));
            }

            @Override
            public void webhookAnswered(WebhookDelivery delivery, int status) {
                answered.add(status);
            }
        });

        HttpResponse<String> relayed = postWebhook("{\"submissionId\":\"s1\"}");

        assertThat(relayed.statusCode()).isEqualTo(500);
        assertThat(answered).containsExactly(500);
        assertThat(inboxSaw).singleElement().asString().startsWith("{\"submissionId\":\"s1\"} signed v1=");
        assertThat(proxy.applied()).isEqualTo(1);
    }

    @Test
    void answers_a_swallowed_webhook_with_200_without_reaching_the_inbox() throws Exception {
        proxy.plant(new Deviation() {
            @Override
            public Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
                return Optional.empty();
            }
        });

        assertThat(postWebhook("{\"submissionId\":\"s1\"}").statusCode()).isEqualTo(200);
        assertThat(inboxSaw).isEmpty();
        assertThat(proxy.applied()).isEqualTo(1);
    }

    @Test
    void signs_a_webhook_body_as_D9_says() {
        WebhookDelivery delivery = new WebhookDelivery(java.util.Map.of(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(delivery.signature("secret", "1700000000"))
                .isEqualTo("v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
    }

    private HttpResponse<String> get(String path, String apiKey, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postWebhook(String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(proxy.relayUrl())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
