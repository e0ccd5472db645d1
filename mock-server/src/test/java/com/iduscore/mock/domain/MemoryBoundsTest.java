package com.iduscore.mock.domain;

import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.clock.ManualClock;
import com.iduscore.mock.domain.idempotency.IdempotencyRecord;
import com.iduscore.mock.domain.idempotency.InMemoryIdempotencyStore;
import com.iduscore.mock.domain.submission.InMemorySubmissionStore;
import com.iduscore.mock.domain.view.SettleReport;
import com.iduscore.mock.http.SubmissionRequests;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Under sustained load the mock keeps at most maxSubmissions submissions and forgets expired idempotency keys. */
class MemoryBoundsTest {
    private static final Instant START = Instant.parse("2026-04-20T09:00:00Z");

    @Test
    void a_thousand_submissions_leave_at_most_max_submissions_held_and_the_newest_readable() {
        ManualClock clock = new ManualClock(START);
        int max = 50;
        try (IduScoreService service = new IduScoreService(new DomainSettings(clock, DomainHarness.tenants(),
                DomainHarness.STEP, DomainHarness.SLA, "X-Idunox-", null, max),
                DomainHarness.ports(new RecordingWebhookTransport(clock::now), new FakePorts.CountingRenderer()))) {
            Caller caller = service.authenticate("idu_demo_a1");
            PartnerApi.Submitted first = null;
            PartnerApi.Submitted last = null;
            for (int i = 0; i < 1_000; i++) {
                last = service.submit(caller, "load-" + i, "corr-" + i,
                        SubmissionRequests.parse(Bodies.complete(caller.partnerId(), "load-" + i)));
                first = first == null ? last : first;
                if (i % 20 == 19) {
                    service.advance(Duration.ofSeconds(5)); // let them finish, so they may be evicted
                }
            }

            SettleReport report = service.settle();

            int held = report.submissions().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(held).isBetween(1, max);
            assertThat(service.submission(caller, last.accepted().submissionId()).status()).isEqualTo("completed");
            UUIDs.assertGone(service, caller, first.accepted().submissionId());
            assertThat(service.exportState()).doesNotContain("\"load-0\"");
        }
    }

    @Test
    void idempotency_keys_leave_memory_after_their_24_hours_of_mock_time() {
        ManualClock clock = new ManualClock(START);
        InMemoryIdempotencyStore keys = new InMemoryIdempotencyStore(IduScoreService.IDEMPOTENCY_WINDOW);
        try (IduScoreService service = new IduScoreService(DomainHarness.settings(clock, null),
                DomainHarness.ports(new RecordingWebhookTransport(clock::now), new FakePorts.CountingRenderer()),
                new DomainStores(new InMemorySubmissionStore(), keys))) {
            Caller caller = service.authenticate("idu_demo_a1");
            service.submit(caller, "old-key", "c", SubmissionRequests.parse(Bodies.complete(caller.partnerId(), "old")));
            assertThat(keys.all()).extracting(IdempotencyRecord::key).containsExactly("old-key");
            service.advance(Duration.ofHours(25));

            service.submit(caller, "new-key", "c", SubmissionRequests.parse(Bodies.complete(caller.partnerId(), "new")));

            assertThat(keys.all()).extracting(IdempotencyRecord::key).containsExactly("new-key");
        }
    }

    private static final class UUIDs {
        static void assertGone(IduScoreService service, Caller caller, java.util.UUID submissionId) {
            ApiExceptionAssert.assertRefusal(() -> service.submission(caller, submissionId)).is(404, "NOT_FOUND");
        }
    }
}
