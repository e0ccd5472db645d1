package com.iduscore.mock.domain;

import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.clock.ManualClock;
import com.iduscore.mock.domain.clock.SystemClock;
import com.iduscore.mock.domain.view.DeliveryView;
import com.iduscore.mock.domain.view.SubmissionView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.iduscore.mock.domain.ApiExceptionAssert.assertRefusal;
import static com.iduscore.mock.domain.DomainHarness.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** MockControl: reset, the clock, snapshots, and the state file. */
class StateTest {
    private final DomainHarness harness = new DomainHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @TempDir
    Path folder;

    /** A completed, a failed, a half-way and a webhooked submission with a failed first delivery. */
    private List<Submitted> populate(DomainHarness target) {
        target.transport.answer(RecordingWebhookTransport.status(500));
        Submitted done = target.submit(target.a1(), "hy-done");
        Submitted failed = target.submit(target.a1(), "sim-fail-inference-1");
        Submitted hooked = target.submit(target.hooked(), "hy-hooked");
        target.runToEnd();
        Submitted halfway = target.submit(target.b1(), "hy-halfway");
        target.advanceMillis(700);
        return List.of(done, failed, hooked, halfway);
    }

    @Test
    void exports_and_imports_the_whole_state_round_trip() {
        List<Submitted> submitted = populate(harness);
        String exported = harness.service.exportState();

        try (DomainHarness restored = new DomainHarness(new ManualClock(harness.clock.now()), null)) {
            restored.service.importState(exported);

            assertThat(restored.service.exportState()).isEqualTo(exported);
            assertThat(restored.service.deliveries()).isEqualTo(harness.service.deliveries());
            assertThat(restored.submission(restored.a1(), submitted.get(0)))
                    .isEqualTo(harness.submission(harness.a1(), submitted.get(0)));
            assertThat(restored.submission(restored.b1(), submitted.get(3)))
                    .isEqualTo(harness.submission(harness.b1(), submitted.get(3)));
            SubmissionView done = restored.submission(restored.a1(), submitted.get(0));
            assertThat(restored.service.result(restored.a1(), done.resultId(), com.iduscore.mock.http.ArtifactLinks.under("http://x")))
                    .isEqualTo(harness.service.result(harness.a1(), done.resultId(), com.iduscore.mock.http.ArtifactLinks.under("http://x")));
        }
    }

    @Test
    void carries_idempotency_keys_across_an_import() {
        Submitted first = harness.service.submit(harness.a1(), "k1", "c1", com.iduscore.mock.http.SubmissionRequests.parse(Bodies.complete(DomainHarness.A1, "hy-1")));
        String exported = harness.service.exportState();

        try (DomainHarness restored = new DomainHarness(new ManualClock(harness.clock.now()), null)) {
            restored.service.importState(exported);

            Submitted replay = restored.service.submit(restored.a1(), "k1", "c1", com.iduscore.mock.http.SubmissionRequests.parse(Bodies.complete(DomainHarness.A1, "hy-1")));
            assertThat(replay.replayed()).isTrue();
            assertThat(replay.accepted()).isEqualTo(first.accepted());
            assertRefusal(() -> restored.service.submit(restored.a1(), "k1", "c1", com.iduscore.mock.http.SubmissionRequests.parse(Bodies.complete(DomainHarness.A1, "hy-2"))))
                    .is(409, "IDEMPOTENCY_CONFLICT");
        }
    }

    @Test
    void continues_an_imported_pipeline_where_it_stopped() {
        Submitted halfway = harness.submit(harness.a1(), "hy-1");
        harness.advanceMillis(700);
        String exported = harness.service.exportState();

        try (DomainHarness restored = new DomainHarness(new ManualClock(harness.clock.now()), null)) {
            restored.service.importState(exported);
            assertThat(restored.submission(restored.a1(), halfway).status()).isEqualTo("processing");
            restored.runToEnd();

            assertThat(restored.submission(restored.a1(), halfway).status()).isEqualTo("completed");
        }
    }

    @Test
    void moves_a_manual_clock_that_is_behind_a_snapshot_up_to_it() {
        harness.advance(Duration.ofMinutes(5));
        String exported = harness.service.exportState();

        try (DomainHarness restored = new DomainHarness()) {
            restored.service.importState(exported);

            assertThat(restored.service.now()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        }
    }

    @Test
    void refuses_a_snapshot_that_is_not_one_and_keeps_the_current_state() {
        Submitted kept = harness.submit(harness.a1(), "hy-1");

        for (String bad : new String[]{"", "{", "[]", "{}", "{\"format\":\"iduscore-mock-state\",\"version\":2}",
                "{\"format\":\"iduscore-mock-state\",\"version\":1,\"submissions\":[{\"tenantId\":\"demo-a\"}]}",
                "{\"format\":\"iduscore-mock-state\",\"version\":1,\"unknown\":true}"}) {
            assertThatThrownBy(() -> harness.service.importState(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Not a valid IduScore mock state snapshot");
        }
        assertThat(harness.submission(harness.a1(), kept).submissionId()).isEqualTo(kept.accepted().submissionId());
    }

    @Test
    void counts_a_delivery_that_was_out_during_the_snapshot_as_interrupted_and_retries_it() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        harness.transport.holdUntil(entered, release);
        Submitted hooked = harness.submit(harness.hooked(), "hy-hooked");
        Thread advancing = new Thread(harness::runToEnd);
        advancing.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        String exported = harness.service.exportState();
        release.countDown();
        advancing.join(10_000);

        try (DomainHarness restored = new DomainHarness(new ManualClock(harness.clock.now()), null)) {
            restored.service.importState(exported);
            assertThat(restored.service.deliveries()).singleElement().satisfies(d -> {
                assertThat(d.statusCode()).isNull();
                assertThat(d.error()).startsWith("interrupted");
            });
            assertThat(restored.job(restored.hooked(), hooked, "pipeline.dispatch_webhooks").status()).isEqualTo("queued");
            restored.advance(Duration.ofSeconds(2));

            assertThat(restored.transport.requests()).hasSize(1);
            assertThat(restored.service.deliveries()).extracting(DeliveryView::attempt).containsExactly(1, 2);
            assertThat(restored.job(restored.hooked(), hooked, "pipeline.dispatch_webhooks").status()).isEqualTo("succeeded");
        }
    }

    @Test
    void keeps_the_state_file_across_a_restart() {
        Path file = folder.resolve("state/mock-state.json");
        Submitted submitted;
        ManualClock clock = new ManualClock(START);
        try (DomainHarness first = new DomainHarness(clock, file)) {
            submitted = first.submit(first.a1(), "hy-1");
            first.advanceMillis(700);
        }
        assertThat(file).exists();

        try (DomainHarness second = new DomainHarness(new ManualClock(START), file)) {
            assertThat(second.service.now()).isEqualTo(START.plusMillis(700));
            assertThat(second.submission(second.a1(), submitted).status()).isEqualTo("processing");
            second.runToEnd();
            assertThat(second.submission(second.a1(), submitted).status()).isEqualTo("completed");
        }
        try (DomainHarness third = new DomainHarness(new ManualClock(START), file)) {
            assertThat(third.submission(third.a1(), submitted).status()).isEqualTo("completed");
        }
    }

    @Test
    void writes_the_state_file_soon_after_a_change_and_not_on_reads() throws IOException {
        Path file = folder.resolve("mock-state.json");
        try (DomainHarness running = new DomainHarness(new ManualClock(START), file)) {
            Submitted submitted = running.submit(running.a1(), "hy-1");
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file)
                    && Files.readString(file).contains(submitted.accepted().submissionId().toString()));
            FileTime written = Files.getLastModifiedTime(file);
            String content = Files.readString(file);

            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> {
                running.service.job(running.a1(), submitted.accepted().jobId());
                running.submission(running.a1(), submitted);
                return Files.getLastModifiedTime(file).equals(written);
            });
            assertThat(Files.readString(file)).isEqualTo(content);
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files).as("no temporary file left behind").containsExactly(file);
            }
        }
    }

    @Test
    void refuses_a_corrupt_state_file_with_its_name() throws IOException {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"iduscore-mock-state\", \"version\": 1, \"submissions\": [");

        assertThatThrownBy(() -> new DomainHarness(new ManualClock(START), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void forgets_submissions_keys_and_deliveries_on_reset_but_keeps_tenants_and_clock() {
        Caller caller = harness.hooked();
        Submitted submitted = harness.service.submit(caller, "k1", "c1", com.iduscore.mock.http.SubmissionRequests.parse(Bodies.complete(caller.partnerId(), "hy-1")));
        harness.runToEnd();
        assertThat(harness.service.deliveries()).hasSize(1);
        var before = harness.service.now();

        harness.service.reset();

        assertThat(harness.service.now()).isEqualTo(before);
        assertThat(harness.service.deliveries()).isEmpty();
        assertRefusal(() -> harness.submission(caller, submitted)).is(404, "NOT_FOUND");
        assertThat(harness.service.submit(caller, "k1", "c1", com.iduscore.mock.http.SubmissionRequests.parse(Bodies.complete(caller.partnerId(), "hy-2"))).replayed())
                .as("the key is free again").isFalse();
        assertThat(harness.submissionCount()).isEqualTo(1);
    }

    @Test
    void moves_either_clock_only_forward_the_real_one_by_an_offset() {
        assertThatThrownBy(() -> harness.service.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        harness.service.advance(Duration.ofSeconds(90));
        assertThat(harness.service.now()).isEqualTo(START.plusSeconds(90));
        assertThat(harness.service.clock().offsetMillis()).isEqualTo(90_000);

        try (IduScoreService real = new IduScoreService(DomainSettings.defaults(new SystemClock(), DomainHarness.tenants()),
                DomainHarness.ports(harness.transport, harness.renderer))) {
            real.advance(Duration.ofHours(1));
            assertThat(real.clock().mode()).isEqualTo("real");
            assertThat(real.clock().offsetMillis()).isEqualTo(3_600_000);
            assertThat(Duration.between(java.time.Instant.now(), real.now()))
                    .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        }
    }
}
