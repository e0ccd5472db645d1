package com.iduscore.contract.framework;

import com.iduscore.contract.webhook.ReceivedWebhook;
import com.iduscore.contract.webhook.WebhookInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookInboxTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final WebhookInbox inbox = WebhookInbox.start("127.0.0.1", 0, "whsec_test", "X-Idunox-", "whk_key",
            Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        inbox.close();
    }

    @Test
    void records_headers_and_the_exact_raw_body_of_each_delivery() throws Exception {
        String body = "{\"eventType\":\"result.ready\",  \"submissionId\":\"s-1\"}";

        int status = deliver(body, "v1=abc");

        assertThat(status).isEqualTo(200);
        ReceivedWebhook got = inbox.awaitDelivery("s-1");
        assertThat(got.rawBody()).isEqualTo(body.getBytes());
        assertThat(got.header("x-idunox-signature")).contains("v1=abc");
        assertThat(got.header("X-IDUNOX-EVENT")).contains("result.ready");
        assertThat(got.json().path("eventType").asText()).isEqualTo("result.ready");
        assertThat(got.receivedAt()).isNotNull();
        assertThat(inbox.url()).startsWith("http://127.0.0.1:" + inbox.port() + "/");
        assertThat(inbox.secret()).isEqualTo("whsec_test");
        assertThat(inbox.headerPrefix()).isEqualTo("X-Idunox-");
        assertThat(inbox.apiKey()).contains("whk_key");
    }

    @Test
    void keeps_deliveries_apart_by_submission() throws Exception {
        deliver("{\"submissionId\":\"a\"}", "v1=1");
        deliver("{\"submissionId\":\"b\"}", "v1=2");
        deliver("{\"submissionId\":\"a\"}", "v1=3");

        assertThat(inbox.deliveries("a")).extracting(w -> w.header("X-Idunox-Signature").orElseThrow())
                .containsExactly("v1=1", "v1=3");
        assertThat(inbox.deliveries("b")).hasSize(1);
        assertThat(inbox.all()).hasSize(3);
    }

    @Test
    void answers_the_scripted_status_for_the_next_deliveries_then_200() throws Exception {
        inbox.respondWith(503, 2);

        assertThat(deliver("{\"submissionId\":\"r\"}", "v1=1")).isEqualTo(503);
        assertThat(deliver("{\"submissionId\":\"r\"}", "v1=2")).isEqualTo(503);
        assertThat(deliver("{\"submissionId\":\"r\"}", "v1=3")).isEqualTo(200);
        assertThat(inbox.answeredStatuses("r")).containsExactly(503, 503, 200);
    }

    @Test
    void scripts_answers_for_one_submission_without_touching_others() throws Exception {
        inbox.respondWith("mine", 500, 1);

        assertThat(deliver("{\"submissionId\":\"other\"}", "v1=1")).isEqualTo(200);
        assertThat(deliver("{\"submissionId\":\"mine\"}", "v1=2")).isEqualTo(500);
        assertThat(deliver("{\"submissionId\":\"mine\"}", "v1=3")).isEqualTo(200);
    }

    @Test
    void scripts_answers_before_the_submission_exists_by_the_partnerSubmissionId_the_body_carries() throws Exception {
        // scripted before the POST: the submission id is not known yet, the partner's own id is
        inbox.respondWithForPartnerSubmission("ct-mine", 500, 1);

        assertThat(deliver("{\"submissionId\":\"other\",\"partnerSubmissionId\":\"ct-other\"}", "v1=1")).isEqualTo(200);
        assertThat(deliver("{\"submissionId\":\"nul\",\"partnerSubmissionId\":null}", "v1=2")).isEqualTo(200);
        assertThat(deliver("{\"submissionId\":\"s-9\",\"partnerSubmissionId\":\"ct-mine\"}", "v1=3")).isEqualTo(500);
        assertThat(deliver("{\"submissionId\":\"s-9\",\"partnerSubmissionId\":\"ct-mine\"}", "v1=4")).isEqualTo(200);
        assertThat(inbox.answeredStatuses("s-9")).containsExactly(500, 200);
        assertThat(inbox.deliveries("s-9").get(0).partnerSubmissionId()).contains("ct-mine");
    }

    @Test
    void uses_answers_scripted_for_the_submission_id_before_those_for_its_partnerSubmissionId() throws Exception {
        inbox.respondWithForPartnerSubmission("ct-both", 503, 1);
        inbox.respondWith("s-both", 500, 1);

        String body = "{\"submissionId\":\"s-both\",\"partnerSubmissionId\":\"ct-both\"}";
        assertThat(deliver(body, "v1=1")).isEqualTo(500);
        assertThat(deliver(body, "v1=2")).isEqualTo(503);
        assertThat(deliver(body, "v1=3")).isEqualTo(200);
    }

    @Test
    void waits_for_a_delivery_that_arrives_later_running_the_idle_hook_meanwhile() {
        AtomicInteger idle = new AtomicInteger();
        inbox.onIdle(() -> {
            // the "clock" moves; on the third step the deployment sends the webhook
            if (idle.incrementAndGet() == 3) {
                CompletableFuture.runAsync(() -> deliverQuietly("{\"submissionId\":\"late\"}"));
            }
        });

        ReceivedWebhook got = inbox.awaitDelivery("late");

        assertThat(got.submissionId()).contains("late");
        assertThat(idle.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void fails_with_a_clear_message_when_nothing_arrives_in_time() {
        WebhookInbox quick = WebhookInbox.start("127.0.0.1", 0, "s", "X-Idunox-", null, Duration.ofMillis(200));
        try {
            assertThatThrownBy(() -> quick.awaitDelivery("never"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected 1 webhook deliveries for submission never within PT0.2S but received 0");
        } finally {
            quick.close();
        }
    }

    private int deliver(String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(inbox.url()))
                .header("Content-Type", "application/json")
                .header("X-Idunox-Event", "result.ready")
                .header("X-Idunox-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void deliverQuietly(String body) {
        try {
            deliver(body, "v1=late");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
