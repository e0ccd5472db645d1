package com.iduscore.mock.domain;

import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.view.JobSummaryView;
import com.iduscore.mock.domain.view.JobView;
import com.iduscore.mock.domain.view.ResultView;
import com.iduscore.mock.domain.view.SubmissionView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.iduscore.mock.domain.DomainHarness.START;
import static org.assertj.core.api.Assertions.assertThat;

/** The scenario triggers, by {@code partnerSubmissionId} prefix. */
class ScenarioTest {
    private final DomainHarness harness = new DomainHarness();
    private final Caller caller = harness.a1();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void fails_every_inference_attempt_then_dead_letters_cancels_the_rest_and_fails_the_submission() {
        Submitted submitted = harness.submit(caller, "sim-fail-inference-001");
        harness.advance(Duration.ofSeconds(10));

        SubmissionView detail = harness.submission(caller, submitted);
        assertThat(detail.status()).isEqualTo("failed");
        assertThat(detail.statusLabel()).isEqualTo("Failed");
        assertThat(detail.resultId()).isNull();
        assertThat(detail.counts().results()).isZero();
        assertThat(detail.jobs()).extracting(JobSummaryView::status).containsExactly("succeeded", "succeeded",
                "succeeded", "succeeded", "dead_letter", "cancelled", "cancelled");
        JobSummaryView inference = detail.jobs().get(4);
        assertThat(inference.statusLabel()).isEqualTo("Dead letter");
        assertThat(inference.attempts()).isEqualTo(3);
        assertThat(inference.queuedAt()).as("queued once").isEqualTo(START.plusMillis(1200));
        assertThat(inference.startedAt()).as("the last attempt").isEqualTo(START.plusMillis(1950));
        assertThat(inference.failedAt()).isEqualTo(START.plusMillis(2100));
        assertThat(inference.completedAt()).isNull();
        assertThat(inference.errorSummary()).isEqualTo("Run inference failed after 3 attempts.");
        JobView job = harness.service.job(caller, inference.jobId());
        assertThat(job.lastError()).contains("sim-fail-inference-");
        assertThat(job.errorDetail()).containsEntry("attempt", 3);
        assertThat(detail.jobs().subList(5, 7)).allSatisfy(cancelled -> {
            assertThat(cancelled.statusLabel()).isEqualTo("Cancelled");
            assertThat(cancelled.queuedAt()).isNull();
            assertThat(cancelled.slaDeadlineAt()).isNull();
        });
    }

    @Test
    void fails_the_first_inference_attempt_then_succeeds_on_the_retry() {
        Submitted submitted = harness.submit(caller, "sim-retry-inference-001");
        harness.advanceMillis(1500);
        JobSummaryView requeued = harness.job(caller, submitted, "pipeline.run_inference");
        assertThat(requeued.status()).as("straight back to queued").isEqualTo("queued");
        assertThat(requeued.attempts()).isEqualTo(1);

        harness.advance(Duration.ofSeconds(5));
        SubmissionView detail = harness.submission(caller, submitted);

        assertThat(detail.status()).isEqualTo("completed");
        JobSummaryView inference = detail.jobs().get(4);
        assertThat(inference.status()).isEqualTo("succeeded");
        assertThat(inference.attempts()).isEqualTo(2);
        assertThat(inference.queuedAt()).isEqualTo(START.plusMillis(1200));
        assertThat(inference.startedAt()).isEqualTo(START.plusMillis(1650));
        assertThat(inference.completedAt()).isEqualTo(START.plusMillis(1800));
        assertThat(inference.processingDurationMs()).isEqualTo(150L);
        assertThat(inference.errorSummary()).isNull();
        assertThat(harness.service.job(caller, inference.jobId()).lastError())
                .as("the retried attempt's error stays visible").contains("sim-retry-inference-");
        assertThat(detail.resultId()).isNotNull();
    }

    @Test
    void rejects_the_submission_at_ingest_and_cancels_every_later_job() {
        Submitted submitted = harness.submit(caller, "sim-reject-001");
        harness.advanceMillis(150);
        assertThat(harness.submission(caller, submitted).status()).isEqualTo("validating");

        harness.advance(Duration.ofSeconds(10));
        SubmissionView detail = harness.submission(caller, submitted);

        assertThat(detail.status()).isEqualTo("rejected");
        assertThat(detail.statusLabel()).isEqualTo("Rejected");
        assertThat(detail.jobs()).extracting(JobSummaryView::status).containsExactly("failed", "cancelled",
                "cancelled", "cancelled", "cancelled", "cancelled", "cancelled");
        JobSummaryView ingest = detail.jobs().get(0);
        assertThat(ingest.attempts()).as("a rejection is not retried").isEqualTo(1);
        assertThat(ingest.failedAt()).isEqualTo(START.plusMillis(300));
        assertThat(ingest.errorSummary()).isEqualTo("Submission rejected at ingest validation.");
        assertThat(detail.resultId()).isNull();
    }

    @Test
    void runs_inference_past_its_sla_deadline_then_completes_with_the_breach_recorded() {
        Submitted submitted = harness.submit(caller, "sim-sla-breach-001");
        // the scenario cuts the 15-minute SLA to five steps, so the breach shows within seconds
        Duration breachSla = Duration.ofMillis(1500);
        Duration toDeadline = Duration.ofMillis(1200).plus(breachSla);
        harness.advance(toDeadline);
        JobSummaryView atDeadline = harness.job(caller, submitted, "pipeline.run_inference");
        assertThat(atDeadline.status()).isEqualTo("running");
        assertThat(atDeadline.slaBreached()).as("not past the deadline yet").isFalse();

        harness.advanceMillis(1);
        JobSummaryView past = harness.job(caller, submitted, "pipeline.run_inference");
        assertThat(past.status()).isEqualTo("running");
        assertThat(past.slaBreached()).isTrue();
        assertThat(harness.submission(caller, submitted).status()).isEqualTo("processing");

        harness.advance(Duration.ofSeconds(5));
        SubmissionView detail = harness.submission(caller, submitted);
        assertThat(detail.status()).isEqualTo("completed");
        JobSummaryView inference = detail.jobs().get(4);
        assertThat(inference.completedAt()).isEqualTo(START.plusMillis(1500).plus(breachSla));
        assertThat(inference.slaDeadlineAt()).isEqualTo(START.plusMillis(1200).plus(breachSla));
        assertThat(inference.slaBreached()).isTrue();
        assertThat(detail.jobs()).filteredOn(JobSummaryView::slaBreached).hasSize(1);
    }

    @Test
    void marks_every_outcome_partial_with_a_notice_and_still_completes() {
        Submitted submitted = harness.submit(caller, "sim-partial-001");
        harness.runToEnd();
        SubmissionView detail = harness.submission(caller, submitted);

        ResultView result = harness.service.result(caller, detail.resultId(), com.iduscore.mock.http.ArtifactLinks.under("http://127.0.0.1:8080"));

        assertThat(detail.status()).isEqualTo("completed");
        assertThat(result.outcomes()).hasSize(4).allSatisfy(outcome -> {
            assertThat(outcome.outcomeStatus()).isEqualTo("partial");
            assertThat(outcome.outcomeStatusLabel()).isEqualTo("Partial");
            assertThat(outcome.notices()).extracting(ResultView.Notice::message)
                    .contains("Some inputs could not be used, so this outcome is partial.");
        });
    }

    @Test
    void runs_the_happy_path_for_any_other_partner_submission_id() {
        Submitted submitted = harness.submit(caller, "sim-unknown-001");
        harness.runToEnd();

        assertThat(harness.submission(caller, submitted).status()).isEqualTo("completed");
    }
}
