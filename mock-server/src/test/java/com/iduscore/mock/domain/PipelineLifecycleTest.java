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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.iduscore.mock.domain.DomainHarness.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT.md D7 on a manual clock with 300 ms steps: a step queued at T runs at T+150 ms and succeeds at T+300 ms, when the
 * next one is queued. Ingest 0–300, de-identify 300–600, map 600–900, upsert 900–1200, inference 1200–1500,
 * artifacts 1500–1800, dispatch 1800–2100 (no webhook).
 */
class PipelineLifecycleTest {
    private final DomainHarness harness = new DomainHarness();
    private final Caller caller = harness.a1();

    @AfterEach
    void close() {
        harness.close();
    }

    private static Instant at(long millis) {
        return START.plusMillis(millis);
    }

    @Test
    void creates_seven_jobs_in_pipeline_order_each_the_child_of_the_one_before() {
        Submitted submitted = harness.service.submit(caller, "k1", "corr-lifecycle", com.iduscore.mock.http.SubmissionRequests.parse(Bodies.complete(caller.partnerId(), "hy-1")));
        SubmissionView detail = harness.submission(caller, submitted);

        assertThat(detail.jobs()).extracting(JobSummaryView::type).containsExactly("pipeline.ingest_validate",
                "pipeline.deidentify", "pipeline.map_to_fhir", "pipeline.fhir_store_upsert", "pipeline.run_inference",
                "pipeline.write_artifacts", "pipeline.dispatch_webhooks");
        assertThat(detail.jobs()).extracting(JobSummaryView::typeLabel).containsExactly("Ingest & validate",
                "De-identify", "Map to FHIR", "FHIR store upsert", "Run inference", "Write artifacts", "Dispatch webhooks");
        assertThat(detail.jobs()).extracting(JobSummaryView::status)
                .containsExactly("queued", "pending", "pending", "pending", "pending", "pending", "pending");
        assertThat(detail.jobs()).extracting(JobSummaryView::maxAttempts).containsExactly(3, 3, 3, 3, 3, 3, 5);
        assertThat(detail.jobs()).extracting(JobSummaryView::correlationId).containsOnly("corr-lifecycle");
        List<JobView> jobs = detail.jobs().stream().map(job -> harness.service.job(caller, job.jobId())).toList();
        assertThat(jobs.get(0).parentJobId()).isNull();
        for (int i = 1; i < jobs.size(); i++) {
            assertThat(jobs.get(i).parentJobId()).as("parent of " + jobs.get(i).type()).isEqualTo(jobs.get(i - 1).jobId());
        }
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.submissionId()).isEqualTo(submitted.accepted().submissionId());
            assertThat(job.partnerSubmissionId()).isEqualTo("hy-1");
            assertThat(job.partnerSubjectId()).isEqualTo("hy-pt-0001");
            assertThat(job.segment()).isNull();
            assertThat(job.createdAt()).isEqualTo(START);
        });
        assertThat(detail.jobs().get(0).queuedAt()).isEqualTo(START);
        assertThat(detail.jobs().get(0).slaDeadlineAt()).isEqualTo(START.plus(DomainHarness.SLA));
        assertThat(detail.jobs().subList(1, 7)).allSatisfy(job -> {
            assertThat(job.queuedAt()).isNull();
            assertThat(job.slaDeadlineAt()).isNull();
        });
    }

    @Test
    void runs_a_step_queued_then_running_at_half_a_step_then_succeeded_at_a_full_step() {
        Submitted submitted = harness.submit(caller, "hy-1");
        harness.advanceMillis(149);
        assertThat(harness.service.job(caller, submitted.accepted().jobId()).status()).isEqualTo("queued");

        harness.advanceMillis(1);
        JobView running = harness.service.job(caller, submitted.accepted().jobId());
        assertThat(running.status()).isEqualTo("running");
        assertThat(running.statusLabel()).isEqualTo("Running");
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(running.acceptedAt()).isEqualTo(at(150));
        assertThat(running.startedAt()).isEqualTo(at(150));
        assertThat(running.completedAt()).isNull();
        assertThat(running.processingDurationMs()).isNull();

        harness.advanceMillis(150);
        JobView done = harness.service.job(caller, submitted.accepted().jobId());
        assertThat(done.status()).isEqualTo("succeeded");
        assertThat(done.statusLabel()).isEqualTo("Succeeded");
        assertThat(done.completedAt()).isEqualTo(at(300));
        assertThat(done.processingDurationMs()).isEqualTo(150L);
        assertThat(done.updatedAt()).isEqualTo(at(300));
        JobSummaryView next = harness.job(caller, submitted, "pipeline.deidentify");
        assertThat(next.status()).isEqualTo("queued");
        assertThat(next.queuedAt()).isEqualTo(at(300));
    }

    @Test
    void moves_the_submission_through_received_validating_validated_processing_completed() {
        Submitted submitted = harness.submit(caller, "hy-1");
        List<String> seen = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (long t : new long[]{0, 150, 300, 450, 1800}) {
            harness.service.advanceClock(Duration.between(harness.clock.now(), at(t)));
            SubmissionView detail = harness.submission(caller, submitted);
            seen.add(detail.status());
            labels.add(detail.statusLabel());
        }

        assertThat(seen).containsExactly("received", "validating", "validated", "processing", "completed");
        assertThat(labels).containsExactly("Received", "Validating", "Validated", "Processing", "Completed");
    }

    @Test
    void creates_the_result_when_inference_succeeds_with_artifacts_pending_until_they_are_written() {
        Submitted submitted = harness.submit(caller, "hy-1");
        harness.advanceMillis(1499);
        assertThat(harness.submission(caller, submitted).resultId()).isNull();

        harness.advanceMillis(1);
        SubmissionView detail = harness.submission(caller, submitted);
        assertThat(detail.resultId()).isNotNull();
        assertThat(detail.status()).isEqualTo("processing");
        assertThat(detail.counts().results()).isEqualTo(1);
        ResultView result = harness.service.result(caller, detail.resultId(), com.iduscore.mock.http.ArtifactLinks.under("http://127.0.0.1:8080"));
        assertThat(result.status()).isEqualTo("processing");
        assertThat(result.completedAt()).isEqualTo(at(1500));
        assertThat(result.artifacts().items()).isNotEmpty().allSatisfy(item -> {
            assertThat(item.availability()).isEqualTo("pending");
            assertThat(item.availabilityLabel()).isEqualTo("Pending");
            assertThat(item.access().downloadUrl()).isNull();
            assertThat(item.access().expiresAt()).isNull();
        });

        harness.advanceMillis(300);
        ResultView written = harness.service.result(caller, detail.resultId(), com.iduscore.mock.http.ArtifactLinks.under("http://127.0.0.1:8080"));
        assertThat(written.status()).as("the result mirrors the submission").isEqualTo("completed");
        assertThat(written.statusLabel()).isEqualTo("Completed");
        assertThat(written.completedAt()).isEqualTo(at(1800));
        assertThat(written.artifacts().items()).allSatisfy(item -> {
            assertThat(item.availability()).isEqualTo("available");
            assertThat(item.access().downloadUrl()).isNotNull();
        });
    }

    @Test
    void finishes_the_dispatch_job_without_a_webhook_one_step_after_completion() {
        Submitted submitted = harness.submit(caller, "hy-1");
        harness.advanceMillis(2099);
        assertThat(harness.job(caller, submitted, "pipeline.dispatch_webhooks").status()).isEqualTo("running");

        harness.advanceMillis(1);
        SubmissionView detail = harness.submission(caller, submitted);

        assertThat(detail.jobs()).extracting(JobSummaryView::status).containsOnly("succeeded");
        assertThat(detail.jobs()).allSatisfy(job -> {
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.processingDurationMs()).isEqualTo(150L);
            assertThat(job.slaBreached()).isFalse();
            assertThat(job.errorSummary()).isNull();
            assertThat(job.failedAt()).isNull();
        });
        assertThat(detail.updatedAt()).isEqualTo(at(2100));
        assertThat(detail.counts()).isEqualTo(new SubmissionView.Counts(0, 1, 3));
        assertThat(harness.service.deliveries()).isEmpty();
    }

    @Test
    void reads_the_same_timestamps_when_the_clock_jumped_without_anyone_advancing_the_pipeline() {
        Submitted stepped = harness.submit(caller, "hy-1");
        harness.runToEnd();
        List<JobSummaryView> expected = harness.submission(caller, stepped).jobs();

        try (DomainHarness lazy = new DomainHarness()) {
            Caller lazyCaller = lazy.a1();
            Submitted submitted = lazy.submit(lazyCaller, "hy-1");
            lazy.clock.advance(Duration.ofMinutes(5));
            List<JobSummaryView> actual = lazy.submission(lazyCaller, submitted).jobs();

            assertThat(actual).usingRecursiveComparison().ignoringFields("jobId", "correlationId").isEqualTo(expected);
        }
    }

    @Test
    void never_moves_a_timestamp_or_a_status_backwards() {
        Submitted submitted = harness.submit(caller, "hy-1");
        List<SubmissionView> snapshots = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            harness.advanceMillis(75);
            snapshots.add(harness.submission(caller, submitted));
        }
        List<String> order = List.of("received", "validating", "validated", "processing", "completed");
        for (int i = 1; i < snapshots.size(); i++) {
            SubmissionView before = snapshots.get(i - 1);
            SubmissionView after = snapshots.get(i);
            assertThat(order.indexOf(after.status())).isGreaterThanOrEqualTo(order.indexOf(before.status()));
            assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());
            for (int j = 0; j < 7; j++) {
                JobSummaryView a = before.jobs().get(j);
                JobSummaryView b = after.jobs().get(j);
                assertThat(b.attempts()).isGreaterThanOrEqualTo(a.attempts());
                if (a.queuedAt() != null) {
                    assertThat(b.queuedAt()).isEqualTo(a.queuedAt());
                }
                if (a.completedAt() != null) {
                    assertThat(b.completedAt()).isEqualTo(a.completedAt());
                }
            }
        }
    }
}
