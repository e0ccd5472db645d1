package com.iduscore.mock.domain;

import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.clock.SystemClock;
import com.iduscore.mock.domain.view.SubmissionView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Jetty serves concurrently: submits, reads, exports and webhooks at once, on the real clock, finish consistently. */
class ConcurrencyTest {

    /** Even i of "hy-thread-i" went in as demo-a, odd i as the hooked tenant. */
    private static Caller ownerOf(Submitted submitted, Caller a1, Caller hooked) {
        int i = Integer.parseInt(submitted.accepted().partnerSubmissionId().replaceAll(".*-", ""));
        return i % 2 == 0 ? a1 : hooked;
    }

    @Test
    void runs_many_submissions_with_concurrent_reads_to_completion_on_the_real_clock() throws Exception {
        SystemClock clock = new SystemClock();
        RecordingWebhookTransport transport = new RecordingWebhookTransport(clock::now);
        DomainSettings settings = new DomainSettings(clock, DomainHarness.tenants(), Duration.ofMillis(10),
                Duration.ofMinutes(15), "X-Idunox-", null);
        try (IduScoreService service = new IduScoreService(settings,
                DomainHarness.ports(transport, new FakePorts.CountingRenderer()))) {
            service.start();
            Caller a1 = service.authenticate("idu_demo_a1");
            Caller hooked = service.authenticate("idu_hooked");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            ConcurrentLinkedQueue<Submitted> accepted = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 25; i++) {
                        Caller caller = i % 2 == 0 ? a1 : hooked;
                        Submitted s = service.submit(caller, "t" + thread + "-" + i, "c",
                                com.iduscore.mock.http.SubmissionRequests.parse(Bodies.complete(caller.partnerId(), "hy-" + thread + "-" + i)));
                        accepted.add(s);
                        service.job(caller, s.accepted().jobId());
                        Submitted oldest = accepted.peek();
                        service.submission(ownerOf(oldest, a1, hooked), oldest.accepted().submissionId());
                        if (i % 10 == 0) {
                            service.exportState();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : work) {
                future.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(accepted).hasSize(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (Submitted s : accepted) {
                    SubmissionView view = service.submission(ownerOf(s, a1, hooked), s.accepted().submissionId());
                    assertThat(view.status()).isEqualTo("completed");
                    assertThat(view.jobs().get(6).status()).isEqualTo("succeeded");
                }
            });
            int hookedSubmissions = 8 * 12; // odd i of 0..24 in each of 8 threads
            assertThat(transport.requests()).hasSize(hookedSubmissions);
            assertThat(service.deliveries()).hasSize(hookedSubmissions);
        }
    }
}
