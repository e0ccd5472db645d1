package com.iduscore.mock.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.clock.ManualClock;
import com.iduscore.mock.domain.view.DeliveryView;
import com.iduscore.mock.domain.view.JobSummaryView;
import com.iduscore.mock.domain.view.ResultView;
import com.iduscore.mock.domain.view.SubmissionView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.iduscore.mock.domain.DomainHarness.START;
import static com.iduscore.mock.domain.DomainHarness.WEBHOOK_KEY;
import static com.iduscore.mock.domain.DomainHarness.WEBHOOK_SECRET;
import static com.iduscore.mock.domain.DomainHarness.WEBHOOK_URL;
import static com.iduscore.mock.domain.RecordingWebhookTransport.connectionRefused;
import static com.iduscore.mock.domain.RecordingWebhookTransport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CONTRACT.md D9 on a manual clock: write_artifacts succeeds at +1800 ms, dispatch queues then and sends its first attempt at
 * +1950 ms; failed attempts are retried 1 s, 2 s, 4 s, 8 s after the answer.
 */
class WebhookTest {
    private static final Instant FIRST_ATTEMPT = START.plusMillis(1950);
    private final DomainHarness harness = new DomainHarness();
    private final Caller caller = harness.hooked();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void sends_result_ready_with_the_contract_body_and_signed_headers() {
        Submitted submitted = harness.submit(caller, "hy-hook-1");
        harness.runToEnd();
        SubmissionView detail = harness.submission(caller, submitted);
        ResultView result = harness.service.result(caller, detail.resultId(), com.iduscore.mock.http.ArtifactLinks.under("http://127.0.0.1:8080"));

        assertThat(harness.transport.requests()).hasSize(1);
        RecordingWebhookTransport.Request request = harness.transport.requests().get(0);
        assertThat(request.url()).hasToString(WEBHOOK_URL);
        assertThat(request.at()).isEqualTo(FIRST_ATTEMPT);
        JsonNode body = Bodies.parse(request.bodyText());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("eventType", "submissionId", "resultId", "reportId", "partnerSubmissionId",
                "status", "statusLabel", "completedAt");
        assertThat(body.get("eventType").asText()).isEqualTo("result.ready");
        assertThat(body.get("submissionId").asText()).isEqualTo(submitted.accepted().submissionId().toString());
        assertThat(body.get("resultId").asText()).isEqualTo(detail.resultId().toString());
        assertThat(body.get("reportId").asText()).isEqualTo(result.artifacts().items().get(0).artifactId().toString());
        assertThat(body.get("partnerSubmissionId").asText()).isEqualTo("hy-hook-1");
        assertThat(body.get("status").asText()).isEqualTo("completed");
        assertThat(body.get("statusLabel").asText()).isEqualTo("Completed");
        assertThat(body.get("completedAt").asText()).isEqualTo("2026-05-01T10:00:01.800Z");
        long timestamp = FIRST_ATTEMPT.getEpochSecond();
        assertThat(request.headers())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("X-Idunox-Event", "result.ready")
                .containsEntry("X-Idunox-Timestamp", Long.toString(timestamp))
                .containsEntry("X-Idunox-Signature", "v1=" + FakePorts.hmacHex(WEBHOOK_SECRET,
                        (timestamp + "." + request.bodyText()).getBytes(StandardCharsets.UTF_8)))
                .containsEntry("X-Api-Key", WEBHOOK_KEY);
        assertThat(UUID.fromString(request.headers().get("X-Idunox-Delivery-Id"))).isNotNull();
        JobSummaryView dispatch = detail.jobs().get(6);
        assertThat(dispatch.status()).isEqualTo("succeeded");
        assertThat(dispatch.attempts()).isEqualTo(1);
        assertThat(dispatch.startedAt()).isEqualTo(FIRST_ATTEMPT);
        assertThat(harness.service.deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.submissionId()).isEqualTo(submitted.accepted().submissionId());
            assertThat(delivery.deliveryId()).hasToString(request.headers().get("X-Idunox-Delivery-Id"));
            assertThat(delivery.url()).isEqualTo(WEBHOOK_URL);
            assertThat(delivery.attempt()).isEqualTo(1);
            assertThat(delivery.statusCode()).isEqualTo(204);
            assertThat(delivery.error()).isNull();
            assertThat(delivery.at()).isEqualTo(FIRST_ATTEMPT);
        });
    }

    @Test
    void uses_the_first_artifact_as_report_id_and_the_result_when_there_is_none() {
        Submitted submitted = harness.submit(caller, Bodies.withOutputs(
                Bodies.complete(caller.partnerId(), "hy-hook-1"), "inference_score_v1"));
        harness.runToEnd();

        JsonNode body = Bodies.parse(harness.transport.requests().get(0).bodyText());
        assertThat(body.get("reportId").asText())
                .isEqualTo(harness.submission(caller, submitted).resultId().toString());
    }

    @Test
    void retries_after_1_2_4_8_seconds_then_dead_letters_while_the_submission_stays_completed() {
        harness.transport.answerAlways(status(500));
        Submitted submitted = harness.submit(caller, "hy-hook-1");
        harness.advance(Duration.ofSeconds(30));

        List<RecordingWebhookTransport.Request> requests = harness.transport.requests();
        assertThat(requests).extracting(RecordingWebhookTransport.Request::at).containsExactly(FIRST_ATTEMPT,
                FIRST_ATTEMPT.plusSeconds(1), FIRST_ATTEMPT.plusSeconds(3), FIRST_ATTEMPT.plusSeconds(7),
                FIRST_ATTEMPT.plusSeconds(15));
        assertThat(requests).extracting(r -> r.headers().get("X-Idunox-Delivery-Id")).doesNotHaveDuplicates();
        assertThat(requests).extracting(RecordingWebhookTransport.Request::bodyText).containsOnly(requests.get(0).bodyText());
        assertThat(requests).extracting(r -> r.headers().get("X-Idunox-Timestamp")).containsExactly(
                Long.toString(FIRST_ATTEMPT.getEpochSecond()), Long.toString(FIRST_ATTEMPT.getEpochSecond() + 1),
                Long.toString(FIRST_ATTEMPT.getEpochSecond() + 3), Long.toString(FIRST_ATTEMPT.getEpochSecond() + 7),
                Long.toString(FIRST_ATTEMPT.getEpochSecond() + 15));
        SubmissionView detail = harness.submission(caller, submitted);
        assertThat(detail.status()).isEqualTo("completed");
        JobSummaryView dispatch = detail.jobs().get(6);
        assertThat(dispatch.status()).isEqualTo("dead_letter");
        assertThat(dispatch.attempts()).isEqualTo(5);
        assertThat(dispatch.failedAt()).isEqualTo(FIRST_ATTEMPT.plusSeconds(15));
        assertThat(dispatch.errorSummary()).isEqualTo("Webhook delivery failed after 5 attempts.");
        assertThat(harness.service.job(caller, dispatch.jobId()).lastError()).isEqualTo("HTTP 500");
        assertThat(harness.service.result(caller, detail.resultId(), com.iduscore.mock.http.ArtifactLinks.under("http://x")).status()).isEqualTo("completed");
        assertThat(harness.service.deliveries()).extracting(DeliveryView::attempt).containsExactly(1, 2, 3, 4, 5);
        assertThat(harness.service.deliveries()).extracting(DeliveryView::statusCode).containsOnly(500);
    }

    @Test
    void waits_in_queued_between_attempts() {
        harness.transport.answer(status(502));
        Submitted submitted = harness.submit(caller, "hy-hook-1");
        harness.advance(Duration.ofMillis(1950));
        JobSummaryView waiting = harness.job(caller, submitted, "pipeline.dispatch_webhooks");
        assertThat(waiting.status()).isEqualTo("queued");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.queuedAt()).as("queued once").isEqualTo(START.plusMillis(1800));

        harness.advance(Duration.ofMillis(999));
        assertThat(harness.transport.requests()).hasSize(1);
        harness.advance(Duration.ofMillis(1));

        assertThat(harness.transport.requests()).hasSize(2);
        assertThat(harness.job(caller, submitted, "pipeline.dispatch_webhooks").status()).isEqualTo("succeeded");
    }

    @Test
    void retries_a_transport_error_and_succeeds_when_the_receiver_recovers() {
        harness.transport.answer(connectionRefused(), status(503), status(200));
        Submitted submitted = harness.submit(caller, "hy-hook-1");
        harness.advance(Duration.ofSeconds(10));

        JobSummaryView dispatch = harness.job(caller, submitted, "pipeline.dispatch_webhooks");
        assertThat(dispatch.status()).isEqualTo("succeeded");
        assertThat(dispatch.attempts()).isEqualTo(3);
        assertThat(dispatch.completedAt()).isEqualTo(FIRST_ATTEMPT.plusSeconds(3));
        assertThat(harness.service.deliveries()).extracting(DeliveryView::statusCode).containsExactly(null, 503, 200);
        assertThat(harness.service.deliveries()).extracting(DeliveryView::error)
                .containsExactly("Connection refused", "HTTP 503", null);
    }

    @Test
    void sends_nothing_for_a_tenant_without_a_webhook() {
        harness.submit(harness.a1(), "hy-1");
        harness.runToEnd();

        assertThat(harness.transport.requests()).isEmpty();
        assertThat(harness.service.deliveries()).isEmpty();
    }

    @Test
    void answers_reads_while_a_receiver_is_slow_to_answer() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        harness.transport.holdUntil(entered, release);
        Submitted submitted = harness.submit(caller, "hy-hook-1");
        Thread advancing = new Thread(() -> harness.advance(Duration.ofSeconds(3)));
        advancing.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the receiver was called").isTrue();

        JobSummaryView dispatch = harness.job(caller, submitted, "pipeline.dispatch_webhooks");
        assertThat(dispatch.status()).isEqualTo("running");
        assertThat(harness.submit(caller, "hy-hook-2").replayed()).isFalse();

        release.countDown();
        advancing.join(10_000);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(harness.job(caller, submitted, "pipeline.dispatch_webhooks").status()).isEqualTo("succeeded"));
    }

    @Test
    void uses_the_configured_header_prefix() {
        ManualClock clock = new ManualClock(START);
        RecordingWebhookTransport transport = new RecordingWebhookTransport(clock::now);
        DomainSettings settings = new DomainSettings(clock, DomainHarness.tenants(), DomainHarness.STEP,
                DomainHarness.SLA, "X-IduScore-", null);
        try (IduScoreService service = new IduScoreService(settings,
                DomainHarness.ports(transport, new FakePorts.CountingRenderer()))) {
            Caller hooked = service.authenticate("idu_hooked");
            service.submit(hooked, "k", "c", com.iduscore.mock.http.SubmissionRequests.parse(Bodies.complete(hooked.partnerId(), "hy-1")));
            service.advanceClock(Duration.ofSeconds(5));

            Iterator<String> names = transport.requests().get(0).headers().keySet().stream().sorted().iterator();
            List<String> sorted = new ArrayList<>();
            names.forEachRemaining(sorted::add);
            assertThat(sorted).containsExactly("Content-Type", "X-Api-Key", "X-IduScore-Delivery-Id",
                    "X-IduScore-Event", "X-IduScore-Signature", "X-IduScore-Timestamp");
        }
    }
}
