package com.iduscore.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.CredentialConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.WebhookConfig;
import com.iduscore.mock.server.ClockMode;
import com.iduscore.mock.server.IduScoreMockServer;
import com.iduscore.mock.server.MockServerConfig;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code result.ready} reaches a partner's receiver (a JDK HttpServer on 127.0.0.1), signed as CONTRACT.md D9 says, and a 500
 * from the receiver is retried. Runs its own mock, whose tenants include one with a registered webhook.
 */
class WebhookDeliveryTest {
    private static final String HOOKED_KEY = "idu_hooked_1";
    private static final String HOOKED_PARTNER_ID = "3e0f5c7b-1d4a-4f6e-8b8c-9d0e1f2a3b4c";
    private static final String SECRET = "whsec_test_secret";
    private static final String WEBHOOK_KEY = "partner-webhook-key";

    private static HttpServer receiver;
    private static IduScoreMockServer mock;
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeAll
    static void startReceiverAndMock() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/iduscore", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.add(new Received(headers, body));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();

        TenantConfig hooked = new TenantConfig("hooked", true,
                new WebhookConfig("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/iduscore", SECRET,
                        WEBHOOK_KEY),
                null, List.of(new CredentialConfig(HOOKED_PARTNER_ID, HOOKED_KEY)));
        ContractValidation.registerOnce();
        mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0).withClock(ClockMode.MANUAL)
                .withTenants(List.of(hooked)));
    }

    @AfterAll
    static void stop() {
        mock.stop();
        receiver.stop(0);
    }

    @BeforeEach
    void pointAtTheMock() {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = mock.port();
        Admin.reset();
        received.clear();
    }

    @Test
    void result_ready_reaches_the_receiver_signed_with_the_tenants_secret() throws Exception {
        failuresLeft.set(0);
        String submissionId = Partner.accepted(HOOKED_KEY, Fixtures.submission(HOOKED_PARTNER_ID, "hy-hook-1"));

        Admin.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 1);

        Received delivery = received.get(0);
        String timestamp = delivery.headers().get("X-Idunox-Timestamp");
        assertThat(delivery.headers()).containsEntry("X-Idunox-Event", "result.ready")
                .containsEntry("X-Api-Key", WEBHOOK_KEY)
                .containsKey("X-Idunox-Delivery-Id");
        assertThat(timestamp).matches("[0-9]+");
        assertThat(delivery.headers().get("X-Idunox-Signature"))
                .as("v1=HMAC-SHA256(secret, timestamp.body)")
                .isEqualTo("v1=" + hmacHex(SECRET, timestamp + "." + new String(delivery.body(), StandardCharsets.UTF_8)));
        JsonNode event = Fixtures.JSON.readTree(delivery.body());
        assertThat(event.get("eventType").asText()).isEqualTo("result.ready");
        assertThat(event.get("submissionId").asText()).isEqualTo(submissionId);
        assertThat(event.get("partnerSubmissionId").asText()).isEqualTo("hy-hook-1");
        assertThat(event.get("status").asText()).isEqualTo("completed");
        ContractValidation.assertWebhookEvent(delivery.body());
    }

    @Test
    void a_500_from_the_receiver_is_retried_and_every_attempt_is_listed() {
        failuresLeft.set(1);
        String submissionId = Partner.accepted(HOOKED_KEY, Fixtures.submission(HOOKED_PARTNER_ID, "hy-hook-2"));

        Admin.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 1);
        Admin.advance(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);

        assertThat(received.get(0).headers().get("X-Idunox-Delivery-Id"))
                .as("a new delivery id per attempt")
                .isNotEqualTo(received.get(1).headers().get("X-Idunox-Delivery-Id"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath deliveries = Admin.deliveries();
            assertThat(deliveries.getList("deliveries.attempt", Integer.class)).containsExactly(1, 2);
            assertThat(deliveries.getList("deliveries.statusCode", Integer.class)).containsExactly(500, 204);
            assertThat(deliveries.getList("deliveries.submissionId", String.class)).containsOnly(submissionId);
        });
        Partner.withKey(HOOKED_KEY).get("/v1/submissions/" + submissionId).then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("jobs[6].type", equalTo("pipeline.dispatch_webhooks"))
                .body("jobs[6].status", equalTo("succeeded"))
                .body("jobs[6].attempts", equalTo(2));
    }

    private static String hmacHex(String secret, String input) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    }

    private record Received(Map<String, String> headers, byte[] body) {
    }
}
