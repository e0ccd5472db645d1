package com.iduscore.mock.domain;

import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.clock.SystemClock;
import com.iduscore.mock.domain.view.JobSummaryView;
import com.iduscore.mock.domain.view.SubmissionView;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** On the real clock, start() advances pipelines and sends webhooks with nobody reading. */
class RealClockTest {

    @Test
    void completes_the_pipeline_and_sends_the_webhook_without_any_read() {
        SystemClock clock = new SystemClock();
        RecordingWebhookTransport transport = new RecordingWebhookTransport(clock::now);
        DomainSettings settings = new DomainSettings(clock, DomainHarness.tenants(), Duration.ofMillis(20),
                Duration.ofMinutes(15), "X-Idunox-", null);
        try (IduScoreService service = new IduScoreService(settings,
                DomainHarness.ports(transport, new FakePorts.CountingRenderer()))) {
            service.start();
            Caller caller = service.authenticate("idu_hooked");
            Submitted submitted = service.submit(caller, "k", "c", com.iduscore.mock.http.SubmissionRequests.parse(Bodies.complete(caller.partnerId(), "hy-real")));

            await().atMost(Duration.ofSeconds(10)).until(() -> transport.requests().size() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> service.deliveries().size() == 1);

            SubmissionView detail = service.submission(caller, submitted.accepted().submissionId());
            assertThat(detail.status()).isEqualTo("completed");
            assertThat(detail.jobs()).extracting(JobSummaryView::status).containsOnly("succeeded");
            assertThat(transport.requests().get(0).at()).isAfterOrEqualTo(detail.jobs().get(5).completedAt());
        }
    }
}
