package com.iduscore.mock.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.view.AcceptedView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.iduscore.mock.domain.ApiExceptionAssert.assertRefusal;
import static com.iduscore.mock.domain.DomainHarness.A1;
import static com.iduscore.mock.domain.DomainHarness.B1;
import static org.assertj.core.api.Assertions.assertThat;

/** CONTRACT.md D5: keys per credential, 24 hours, fingerprint of the canonical body, replay or 409, exactly one submission. */
class IdempotencyTest {
    private final DomainHarness harness = new DomainHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private Submitted submit(Caller caller, String key, JsonNode body) {
        return harness.service.submit(caller, key, "corr-" + key, com.iduscore.mock.http.SubmissionRequests.parse(body));
    }

    @Test
    void replays_the_original_response_for_the_same_key_and_body() {
        Submitted first = submit(harness.a1(), "k1", Bodies.complete(A1, "hy-sub-0001"));
        harness.runToEnd();

        Submitted again = submit(harness.a1(), "k1", Bodies.complete(A1, "hy-sub-0001"));

        assertThat(again.replayed()).isTrue();
        assertThat(again.accepted()).isEqualTo(first.accepted());
        assertThat(again.accepted().status()).as("the original 202, not today's status").isEqualTo("received");
        assertThat(harness.submissionCount()).isEqualTo(1);
    }

    @Test
    void treats_other_key_order_spacing_and_number_spelling_as_the_same_body() {
        Submitted first = submit(harness.a1(), "k1", Bodies.complete(A1, "hy-sub-0001"));
        JsonNode reordered = Bodies.parse("""
                { "subject" : { "measurements": {"heightCm": 168.0, "weightKg": 72.40},
                                "demographics": {"ageYears": 52, "sexAtBirth": "female"},
                                "history": %s },
                  "options": %s, "markers": %s, "sourceMetadata": %s,
                  "partnerSubjectId": "hy-pt-0001", "partnerSubmissionId": "hy-sub-0001",
                  "partnerId": "%s", "schemaVersion": "canonical_submission_v1" }
                """.formatted(Bodies.complete(A1, "x").get("subject").get("history"),
                Bodies.complete(A1, "x").get("options"), Bodies.complete(A1, "x").get("markers"),
                Bodies.complete(A1, "x").get("sourceMetadata"), A1));

        Submitted again = submit(harness.a1(), "k1", reordered);

        assertThat(again.replayed()).isTrue();
        assertThat(again.accepted().submissionId()).isEqualTo(first.accepted().submissionId());
    }

    @Test
    void refuses_the_same_key_with_another_body_as_a_conflict() {
        submit(harness.a1(), "k1", Bodies.complete(A1, "hy-sub-0001"));

        assertRefusal(() -> submit(harness.a1(), "k1", Bodies.complete(A1, "hy-sub-0002")))
                .is(409, "IDEMPOTENCY_CONFLICT");
    }

    @Test
    void does_not_store_a_request_that_failed_so_the_key_can_be_used_again() {
        ObjectNode bad = Bodies.complete(A1, "hy-sub-0001");
        Bodies.marker(bad, "ALT").put("unit", "µkat/L");
        assertRefusal(() -> submit(harness.a1(), "k1", bad)).is(400, "SUBMISSION_VALIDATION_ERROR");

        Submitted good = submit(harness.a1(), "k1", Bodies.complete(A1, "hy-sub-0001"));

        assertThat(good.replayed()).isFalse();
    }

    @Test
    void scopes_keys_to_the_credential() {
        Submitted a = submit(harness.a1(), "shared-key", Bodies.complete(A1, "hy-sub-0001"));
        Submitted a2 = submit(harness.a2(), "shared-key", Bodies.complete(DomainHarness.A2, "hy-sub-0001"));
        Submitted b = submit(harness.b1(), "shared-key", Bodies.complete(B1, "hy-sub-0001"));

        assertThat(List.of(a2, b)).allSatisfy(s -> assertThat(s.replayed()).isFalse());
        assertThat(List.of(a.accepted().submissionId(), a2.accepted().submissionId(), b.accepted().submissionId()))
                .doesNotHaveDuplicates();
    }

    @Test
    void forgets_a_key_after_24_hours_of_the_server_clock() {
        Submitted first = submit(harness.a1(), "k1", Bodies.complete(A1, "hy-sub-0001"));
        harness.clock.advance(Duration.ofHours(24).minusMillis(1));
        assertThat(submit(harness.a1(), "k1", Bodies.complete(A1, "hy-sub-0001")).replayed()).isTrue();
        assertRefusal(() -> submit(harness.a1(), "k1", Bodies.complete(A1, "hy-sub-0002"))).is(409, "IDEMPOTENCY_CONFLICT");

        harness.clock.advance(Duration.ofMillis(1));
        Submitted later = submit(harness.a1(), "k1", Bodies.complete(A1, "hy-sub-0002"));

        assertThat(later.replayed()).isFalse();
        assertThat(later.accepted().submissionId()).isNotEqualTo(first.accepted().submissionId());
    }

    @Test
    void creates_exactly_one_submission_for_32_concurrent_requests_with_one_key() throws Exception {
        Caller caller = harness.a1();
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Submitted>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                JsonNode body = Bodies.complete(A1, "hy-sub-race");
                ready.countDown();
                go.await();
                return submit(caller, "race-key", body);
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        List<Submitted> results = new ArrayList<>();
        for (Future<Submitted> future : futures) {
            results.add(future.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<AcceptedView> views = results.stream().map(Submitted::accepted).toList();
        assertThat(views).hasSize(32).containsOnly(views.get(0));
        assertThat(results).filteredOn(s -> !s.replayed()).hasSize(1);
        assertThat(harness.submissionCount()).as("submissions in the state").isEqualTo(1);
    }
}
