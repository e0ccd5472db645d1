package com.iduscore.mock.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.mock.domain.clock.MockClock;
import com.iduscore.mock.domain.pipeline.Job;
import com.iduscore.mock.domain.pipeline.JobType;
import com.iduscore.mock.domain.pipeline.Scenario;
import com.iduscore.mock.domain.result.Result;
import com.iduscore.mock.domain.submission.Submission;
import com.iduscore.mock.domain.submission.SubmissionStore;
import com.iduscore.mock.domain.tenant.Tenant;
import com.iduscore.mock.domain.tenant.TenantConfig.WebhookConfig;
import com.iduscore.mock.domain.tenant.TenantDirectory;
import com.iduscore.mock.domain.view.DeliveryView;
import com.iduscore.mock.domain.webhook.DeliveryLog;
import com.iduscore.mock.domain.webhook.ResultReadyEvent;
import com.iduscore.mock.domain.webhook.WebhookDispatcher;

import java.time.Instant;
import java.util.UUID;

/**
 * Webhook glue: what a submission's {@code pipeline.dispatch_webhooks} sends (the {@code result.ready} event to its
 * tenant's webhook), and how each answer comes back into the pipeline (logged, then succeeded, retried or
 * dead-lettered), including the {@code sim-webhook-fail-} scenario and deliveries cut off by a restart.
 */
final class WebhookGlue {
    /** Writes the {@code result.ready} body (its bytes are signed, so written once per submission). */
    private static final ObjectMapper WEBHOOK_JSON = new ObjectMapper();

    private final TenantDirectory tenants;
    private final WebhookDispatcher dispatcher;
    private final DeliveryLog deliveries;
    private final SubmissionStore submissions;
    private final MockClock clock;
    private final Runnable changed;

    WebhookGlue(TenantDirectory tenants, WebhookDispatcher dispatcher, DeliveryLog deliveries,
                SubmissionStore submissions, MockClock clock, Runnable changed) {
        this.tenants = tenants;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.submissions = submissions;
        this.clock = clock;
        this.changed = changed;
    }

    /** {@code sim-webhook-fail-} has failing deliveries to show even when the tenant registered no webhook. */
    boolean hasWebhook(Submission submission) {
        return webhookOf(submission) != null || submission.scenario() == Scenario.WEBHOOK_FAIL;
    }

    /** Sends attempt {@code job.attempts()} of the submission's webhook (its monitor held); the answer comes later. */
    void deliver(Submission submission, Job job, UUID deliveryId, Instant at, PipelineRunner runner) {

        WebhookConfig webhook = webhookOf(submission);
        Result result = submission.result();
        byte[] body = submission.webhookBody(() -> new ResultReadyEvent(submission.id(), result.id(),
                result.artifacts().isEmpty() ? result.id() : result.artifacts().get(0).id(),
                submission.partnerSubmissionId(), submission.status().slug(), submission.status().label(),
                submission.completedAt()).toJson(WEBHOOK_JSON));
        int attempt = job.attempts();
        dispatcher.send(new WebhookDispatcher.Delivery(deliveryId, submission.id(), webhook, attempt,
                job.maxAttempts(), at, body), answer -> answered(submission, deliveryId, attempt,
                webhook == null ? null : webhook.url(), at, answer, runner));
    }

    /** A receiver answered (on a webhook thread): record the attempt, then let the pipeline succeed or retry. */
    private void answered(Submission submission, UUID deliveryId, int attempt, String url, Instant sentAt,
                          WebhookDispatcher.Answer received, PipelineRunner runner) {
        WebhookDispatcher.Answer answer = submission.scenario() == Scenario.WEBHOOK_FAIL && received.acknowledged()
                ? new WebhookDispatcher.Answer(received.statusCode(),
                "simulated failure (sim-webhook-fail-): the receiver's HTTP " + received.statusCode() + " counts as failed",
                false, received.at())
                : received;
        synchronized (submission) {
            if (submissions.bySubmissionId(submission.id()) != submission
                    || !deliveryId.equals(submission.pipeline().inFlightDelivery())) {
                return; // reset or replaced while the delivery was out
            }
            deliveries.add(new DeliveryView(deliveryId, submission.id(), url, attempt, answer.statusCode(),
                    answer.error(), sentAt));
            submission.pipeline().deliveryFinished(deliveryId, answer.acknowledged(), answer.error(), answer.at(),
                    runner.steps(submission));
            runner.schedule(submission);
        }
        changed.run();
    }

    /** A delivery that was out when the snapshot was taken will never be answered: count it as failed. */
    void interruptDelivery(Submission submission, PipelineRunner runner) {
        UUID deliveryId = submission.pipeline().inFlightDelivery();
        if (deliveryId == null) {
            return;
        }
        Job dispatch = submission.pipeline().job(JobType.DISPATCH_WEBHOOKS);
        WebhookConfig webhook = webhookOf(submission);
        String error = "interrupted: the mock stopped before the receiver answered";
        deliveries.add(new DeliveryView(deliveryId, submission.id(), webhook == null ? null : webhook.url(),
                dispatch.attempts(), null, error, dispatch.startedAt()));
        submission.pipeline().deliveryFinished(deliveryId, false, error, clock.now(), runner.steps(submission));
    }

    private WebhookConfig webhookOf(Submission submission) {
        return tenants.tenant(submission.tenantId()).map(Tenant::webhook).orElse(null);
    }
}
