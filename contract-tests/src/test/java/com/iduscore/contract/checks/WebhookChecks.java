package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.Json;
import com.iduscore.contract.checks.support.Once;
import com.iduscore.contract.checks.support.Pipeline;
import com.iduscore.contract.checks.support.WebhookSignature;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.junit.Locks;
import com.iduscore.contract.openapi.OpenApiContract;
import com.iduscore.contract.openapi.SchemaValidator;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.webhook.ReceivedWebhook;
import com.iduscore.contract.webhook.WebhookInbox;

import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HOOK: the {@code result.ready} webhook (CONTRACT.md D9), as the partner's receiver sees it: one signed delivery per completed
 * submission, headers with the configured prefix, a closed body that agrees with the submission and its result; a
 * non-2xx answer is retried with a new delivery id and the same body, with backoff, up to the dispatch job's
 * maxAttempts. Needs a webhook receiver registered with the deployment (the stub registers the suite's own).
 */
@ConformanceTest
@ResourceLock(value = Locks.CLOCK, mode = ResourceAccessMode.READ)
class WebhookChecks {

    private static final String WEBHOOK = "webhook result.ready";
    private static final String DISPATCH = "pipeline.dispatch_webhooks";

    /** One delivered submission: the delivery, the settled submission and its result. */
    record Delivered(Pipeline.Followed run, ReceivedWebhook delivery, JsonNode result) {
        String submissionId() {
            return run.accepted().submissionId();
        }
    }

    private static final Once<Delivered> DELIVERED = Once.of("a submission delivered to the webhook receiver", () -> {
        Target target = Api.target();
        WebhookInbox inbox = target.webhooks().orElseThrow();
        Pipeline.Accepted accepted = Pipeline.submit(target.primary(), Fixtures.validSubmission(target.primary()));
        // follow first: once the dispatch job has finished, its delivery has been received (no long wait when none comes)
        Pipeline.Followed run = Pipeline.followToEnd(target, accepted);
        assertThat(inbox.deliveries(accepted.submissionId())).as("deliveries received once the dispatch job ended %s",
                run.job(DISPATCH).path("status").asText()).isNotEmpty();
        ReceivedWebhook delivery = inbox.awaitDelivery(accepted.submissionId());
        return new Delivered(run, delivery, Pipeline.result(target.primary(), run.resultId()));
    });

    @Check(id = "HOOK-01", rule = "CONTRACT.md D9", title = "A completed submission is delivered to the registered receiver", operation = WEBHOOK)
    void a_completed_submission_is_delivered(WebhookInbox inbox) {
        Delivered delivered = DELIVERED.get();

        assertThat(delivered.delivery().submissionId()).as("submissionId of the delivery").contains(delivered.submissionId());
        assertThat(delivered.run().status()).as("status of the delivered submission").isEqualTo("completed");
    }

    @Check(id = "HOOK-02", rule = "CONTRACT.md D9", title = "Headers: Event result.ready, a UUID Delivery-Id, a recent Unix-seconds Timestamp, JSON body",
            operation = WEBHOOK)
    void the_delivery_carries_the_event_headers(WebhookInbox inbox) {
        Delivered delivered = DELIVERED.get();
        ReceivedWebhook delivery = delivered.delivery();
        String prefix = inbox.headerPrefix();

        assertThat(required(delivery, prefix, "Event")).as("%sEvent", prefix).isEqualTo("result.ready");
        assertThat(delivery.headerValues(prefix + "Event")).as("%sEvent sent once", prefix).hasSize(1);
        assertUuid(required(delivery, prefix, "Delivery-Id"), prefix + "Delivery-Id");
        String timestamp = required(delivery, prefix, "Timestamp");
        assertThat(timestamp).as("%sTimestamp (Unix seconds)", prefix).matches("[0-9]+");
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Instant dispatched = Json.instant(delivered.run().job(DISPATCH), "startedAt");
        assertThat(Duration.between(dispatched, sentAt).abs()).as("%sTimestamp %s vs the dispatch job's startedAt %s (receivers allow 300 s)",
                prefix, sentAt, dispatched).isLessThanOrEqualTo(Duration.ofSeconds(300));
        assertThat(delivery.header("Content-Type").orElse("")).as("Content-Type of the delivery").startsWith("application/json");
    }

    @Check(id = "HOOK-03", rule = "CONTRACT.md D9", title = "Signature is v1= + hex HMAC-SHA256(secret, timestamp + \".\" + raw body), verified by the receiver",
            operation = WEBHOOK)
    void the_signature_verifies(WebhookInbox inbox) {
        ReceivedWebhook delivery = DELIVERED.get().delivery();

        assertSigned(delivery, inbox);
    }

    @Check(id = "HOOK-04", rule = "CONTRACT.md D9; OpenAPI #/components/schemas/ResultReadyWebhookEvent", title = "The body is a closed ResultReadyWebhookEvent", operation = WEBHOOK)
    void the_body_is_a_valid_event(WebhookInbox inbox) {
        JsonNode body = DELIVERED.get().delivery().json();

        assertThat(SchemaValidator.shared().validate("ResultReadyWebhookEvent", body)).as("violations of ResultReadyWebhookEvent by %s", body)
                .isEmpty();
        Set<String> declared = Json.fieldNames(OpenApiContract.document().at("/components/schemas/ResultReadyWebhookEvent/properties"));
        assertThat(Json.fieldNames(body)).as("body fields are the declared ones").isSubsetOf(declared);
    }

    @Check(id = "HOOK-05", rule = "CONTRACT.md D9", title = "The body agrees with the submission and its result (ids, status, reportId = first artifact)",
            operation = WEBHOOK)
    void the_body_agrees_with_the_submission_and_result(WebhookInbox inbox) {
        Delivered delivered = DELIVERED.get();
        JsonNode body = delivered.delivery().json();
        JsonNode submission = delivered.run().last();
        JsonNode firstArtifact = delivered.result().path("artifacts").path("items").path(0);

        assertThat(body.path("eventType").asText()).as("eventType").isEqualTo("result.ready");
        assertThat(body.path("submissionId").asText()).as("submissionId").isEqualTo(delivered.submissionId());
        assertThat(body.path("resultId").asText()).as("resultId").isEqualTo(submission.path("resultId").asText());
        assertThat(body.path("partnerSubmissionId")).as("partnerSubmissionId").isEqualTo(submission.path("partnerSubmissionId"));
        assertThat(body.path("status").asText()).as("status").isEqualTo("completed");
        assertThat(body.path("statusLabel").asText()).as("statusLabel").isEqualTo("Completed");
        assertThat(body.path("reportId").asText()).as("reportId (the first artifact's id, else the result id)")
                .isEqualTo(firstArtifact.isMissingNode() ? body.path("resultId").asText() : firstArtifact.path("artifactId").asText());
        assertThat(Json.instant(body, "completedAt")).as("completedAt").isNotNull();
    }

    @Check(id = "HOOK-06", rule = "CONTRACT.md D9", title = "The registered webhook key is sent as X-Api-Key (never the submissions key)", operation = WEBHOOK)
    void the_registered_webhook_key_is_sent(WebhookInbox inbox, Target target) {
        Checks.require(inbox.apiKey().isPresent(), "no webhook key registered for the receiver (IDUSCORE_WEBHOOK_API_KEY)");
        ReceivedWebhook delivery = DELIVERED.get().delivery();

        assertThat(delivery.headerValues("X-Api-Key")).as("X-Api-Key of the delivery").containsExactly(inbox.apiKey().get());
        assertThat(delivery.headerValues("X-Api-Key")).as("the submissions key is never sent").doesNotContain(target.primary().apiKey());
    }

    @Check(id = "HOOK-07", rule = "CONTRACT.md D9", title = "An acknowledged delivery is not repeated: one delivery, dispatch job succeeded after 1 attempt",
            operation = WEBHOOK)
    void an_acknowledged_delivery_is_sent_once(WebhookInbox inbox) {
        Delivered delivered = DELIVERED.get();
        JsonNode dispatch = delivered.run().job(DISPATCH);

        assertThat(inbox.deliveries(delivered.submissionId())).as("deliveries for the submission").hasSize(1);
        assertThat(dispatch.path("status").asText()).as("dispatch job status").isEqualTo("succeeded");
        assertThat(dispatch.path("attempts").asInt()).as("dispatch job attempts").isEqualTo(1);
    }

    @Check(id = "HOOK-08", rule = "CONTRACT.md D9", title = "After a 500 the delivery is retried with a new Delivery-Id and the same body, signed, after ≥ 1 s",
            operation = WEBHOOK)
    void a_failed_delivery_is_retried_with_a_new_id_and_the_same_body(WebhookInbox inbox, Target target) {
        Pipeline.Accepted accepted = submitAnswering(inbox, target, 500, 1);

        Pipeline.Followed run = Pipeline.followToEnd(target, accepted);
        List<ReceivedWebhook> deliveries = inbox.deliveries(accepted.submissionId());
        assertThat(deliveries).as("deliveries after a 500 and the dispatch job ending %s", run.job(DISPATCH).path("status").asText())
                .hasSize(2);

        ReceivedWebhook first = deliveries.get(0);
        ReceivedWebhook retry = deliveries.get(1);
        String prefix = inbox.headerPrefix();
        assertThat(required(retry, prefix, "Delivery-Id")).as("Delivery-Id of the retry (a new one per attempt)")
                .isNotEqualTo(required(first, prefix, "Delivery-Id"));
        assertUuid(required(retry, prefix, "Delivery-Id"), prefix + "Delivery-Id of the retry");
        assertThat(retry.rawBody()).as("the retry's raw body is the first's").isEqualTo(first.rawBody());
        assertSigned(retry, inbox);
        assertThat(seconds(retry, prefix) - seconds(first, prefix)).as("seconds between the attempts (backoff 1 s)").isGreaterThanOrEqualTo(1);
        assertThat(run.job(DISPATCH).path("status").asText()).as("dispatch job status").isEqualTo("succeeded");
        assertThat(run.job(DISPATCH).path("attempts").asInt()).as("dispatch job attempts").isEqualTo(2);
    }

    @Check(id = "HOOK-09", rule = "CONTRACT.md D9", title = "A receiver that never acknowledges gets maxAttempts deliveries with 1, 2, 4, 8 s backoff; "
            + "the dispatch job ends dead_letter and the submission stays completed", operation = WEBHOOK)
    void retries_stop_after_max_attempts(WebhookInbox inbox, Target target) {
        Pipeline.Accepted accepted = submitAnswering(inbox, target, 503, 5);

        Pipeline.Followed run = Pipeline.followToEnd(target, accepted);
        List<ReceivedWebhook> deliveries = inbox.deliveries(accepted.submissionId());

        JsonNode dispatch = run.job(DISPATCH);
        assertThat(dispatch.path("status").asText()).as("dispatch job status").isEqualTo("dead_letter");
        assertThat(dispatch.path("attempts").asInt()).as("dispatch job attempts").isEqualTo(dispatch.path("maxAttempts").asInt());
        assertThat(deliveries).as("deliveries").hasSize(dispatch.path("maxAttempts").asInt());
        assertThat(run.status()).as("the submission stays completed").isEqualTo("completed");
        String prefix = inbox.headerPrefix();
        Set<String> ids = new HashSet<>();
        long[] backoff = {1, 2, 4, 8};
        for (int i = 0; i < deliveries.size(); i++) {
            ids.add(required(deliveries.get(i), prefix, "Delivery-Id"));
            if (i > 0) {
                assertThat(seconds(deliveries.get(i), prefix) - seconds(deliveries.get(i - 1), prefix))
                        .as("seconds between attempt %d and %d", i, i + 1).isGreaterThanOrEqualTo(backoff[Math.min(i - 1, 3)]);
            }
        }
        assertThat(ids).as("a new Delivery-Id per attempt").hasSize(deliveries.size());
    }

    // ----------------------------------------------------------------------------------------------------------

    /**
     * Submits a valid body whose deliveries the inbox answers {@code times} times with {@code status}. Scripted by the
     * partnerSubmissionId before the POST: a fast deployment may deliver before the 202 comes back.
     */
    private static Pipeline.Accepted submitAnswering(WebhookInbox inbox, Target target, int status, int times) {
        ObjectNode body = Fixtures.validSubmission(target.primary());
        inbox.respondWithForPartnerSubmission(body.path("partnerSubmissionId").asText(), status, times);
        return Pipeline.submit(target.primary(), body);
    }

    private static void assertSigned(ReceivedWebhook delivery, WebhookInbox inbox) {
        String prefix = inbox.headerPrefix();
        String timestamp = required(delivery, prefix, "Timestamp");
        required(delivery, prefix, "Signature");
        List<String> signatures = delivery.headerValues(prefix + "Signature");
        assertThat(signatures).as("%sSignature headers", prefix).hasSize(1);
        assertThat(signatures.get(0)).as("%sSignature", prefix).matches("v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.matches(inbox.secret(), timestamp, delivery.rawBody(), signatures.get(0)))
                .as("%sSignature %s is HMAC-SHA256(secret, %s + \".\" + body) = %s", prefix, signatures.get(0), timestamp,
                        WebhookSignature.expected(inbox.secret(), timestamp, delivery.rawBody()))
                .isTrue();
    }

    private static long seconds(ReceivedWebhook delivery, String prefix) {
        String timestamp = required(delivery, prefix, "Timestamp");
        assertThat(timestamp).as("%sTimestamp (Unix seconds)", prefix).matches("[0-9]+");
        return Long.parseLong(timestamp);
    }

    /**
     * The value of the CONTRACT.md D9 header {@code prefix + name} (names compared without case: CONTRACT.md O3); when it is missing, the
     * failure lists the headers that came and says what usually causes it (another header prefix).
     */
    static String required(ReceivedWebhook delivery, String prefix, String name) {
        return delivery.header(prefix + name).orElseThrow(() -> new AssertionError("expected the delivery to carry the"
                + " header " + prefix + name + " (CONTRACT.md D9), but it came without it; its headers: " + delivery.headers().keySet()
                + ". Likely cause: the deployment uses another header prefix than " + prefix + " (CONTRACT.md D9 allows X-Idunox- and"
                + " X-IduScore-; set IDUSCORE_WEBHOOK_HEADER_PREFIX to the one it sends)"));
    }

    private static void assertUuid(String value, String what) {
        assertThat(value).as(what).isNotNull()
                .matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        assertThat(UUID.fromString(value).toString()).as(what).isEqualToIgnoringCase(value);
    }
}
