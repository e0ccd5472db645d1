package com.example.partner;

import com.example.partner.IduScoreClient.Artifact;
import com.example.partner.IduScoreClient.Result;
import com.example.partner.IduScoreClient.ResultReadyEvent;
import com.example.partner.IduScoreClient.Submission;
import com.example.partner.IduScoreClient.Submitted;
import com.iduscore.mock.junit5.IduScoreMock;
import com.iduscore.mock.junit5.IduScoreMockTest;
import com.iduscore.mock.junit5.WebhookDelivery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static com.iduscore.mock.junit5.IduScoreAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client against the IduScore mock, in-process, on its manual clock: nothing here sleeps. Every request the
 * client sends is also checked against the contract by the extension.
 */
@IduScoreMockTest
class PartnerClientTest {

    /** A client of demo-a whose waits move the mock's clock instead of sleeping. */
    private static IduScoreClient clientOfTenantA(IduScoreMock mock) {
        return new IduScoreClient(mock.baseUrl(), mock.tenantA().apiKey(), mock::advance);
    }

    static String submissionJson() {
        try (InputStream in = PartnerClientTest.class.getResourceAsStream("/submission.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void submits_polls_to_completed_fetches_the_result_and_its_artifacts_and_verifies_the_webhook(IduScoreMock mock) {
        IduScoreClient client = clientOfTenantA(mock);

        Submitted submitted = client.submit(UUID.randomUUID().toString(), "corr-" + UUID.randomUUID(), submissionJson());
        assertThat(submitted.replayed()).isFalse();
        assertThat(submitted.accepted().status()).isEqualTo("received");

        Submission done = client.awaitTerminal(submitted.accepted().submissionId(), Duration.ofMillis(300), 50);
        assertThat(done.status()).isEqualTo("completed");

        Result result = client.result(done.resultId());
        assertThat(result.submissionId()).isEqualTo(done.submissionId());
        assertThat(result.outcome().path("score").asDouble(-1)).isBetween(0.0, 1.0);
        assertThat(result.artifacts().items()).extracting(Artifact::type).contains("json");
        for (Artifact artifact : result.artifacts().items()) {
            byte[] file = client.download(artifact);
            switch (artifact.type()) {
                case "pdf" -> assertThat(new String(file, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                case "json" -> assertThat(new String(file, StandardCharsets.UTF_8)).startsWith("{");
                default -> assertThat(file).isNotEmpty();
            }
        }

        mock.settle(); // the webhook goes out with the last pipeline step; settle makes sure every attempt is made
        assertThat(mock.deliveries()).hasSize(1).hasResultReadyFor(done.submissionId())
                .allSignedWith(mock.tenantA().webhookSecret());
        WebhookDelivery delivery = mock.deliveries().getFirst();
        // the client's own verifier, as its webhook endpoint would use it, on the raw bytes as received
        new WebhookVerifier(mock.tenantA().webhookSecret()).verify(delivery.timestamp(), delivery.signature(), delivery.body(), mock.now());
        ResultReadyEvent event = IduScoreClient.parseResultReady(delivery.body());
        assertThat(event.eventType()).isEqualTo("result.ready");
        assertThat(event.resultId()).isEqualTo(done.resultId());
    }

    @Test
    void a_retried_submit_with_the_same_idempotency_key_is_replayed_not_created_again(IduScoreMock mock) {
        IduScoreClient client = clientOfTenantA(mock);
        String key = UUID.randomUUID().toString();

        Submitted first = client.submit(key, "corr-1", submissionJson());
        Submitted retry = client.submit(key, "corr-1", submissionJson());

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.accepted()).isEqualTo(first.accepted());
        mock.settle();
        assertThat(mock.deliveries()).hasSize(1);
    }

    @Test
    void another_tenant_gets_404_not_found_for_our_submission(IduScoreMock mock) {
        String ours = clientOfTenantA(mock).submit(UUID.randomUUID().toString(), "corr-2", submissionJson())
                .accepted().submissionId();
        IduScoreClient otherTenant = new IduScoreClient(mock.baseUrl(), mock.tenantB().apiKey(), mock::advance);

        assertThatThrownBy(() -> otherTenant.submission(ours))
                .isInstanceOfSatisfying(IduScoreApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("NOT_FOUND");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void a_webhook_with_a_wrong_secret_or_an_old_timestamp_is_refused(IduScoreMock mock) {
        clientOfTenantA(mock).submit(UUID.randomUUID().toString(), "corr-3", submissionJson());
        mock.settle();
        WebhookDelivery delivery = mock.deliveries().getFirst();

        assertThatThrownBy(() -> new WebhookVerifier("not-the-secret")
                .verify(delivery.timestamp(), delivery.signature(), delivery.body(), mock.now()))
                .isInstanceOf(WebhookVerifier.InvalidWebhookException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> new WebhookVerifier(mock.tenantA().webhookSecret())
                .verify(delivery.timestamp(), delivery.signature(), delivery.body(), mock.now().plus(Duration.ofHours(1))))
                .isInstanceOf(WebhookVerifier.InvalidWebhookException.class).hasMessageContaining("more than");
        byte[] tampered = delivery.bodyText().replace("completed", "failed").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new WebhookVerifier(mock.tenantA().webhookSecret())
                .verify(delivery.timestamp(), delivery.signature(), tampered, mock.now()))
                .isInstanceOf(WebhookVerifier.InvalidWebhookException.class);
    }
}
