package com.iduscore.mock.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static com.iduscore.mock.http.Fixtures.DEMO_A2_KEY;
import static com.iduscore.mock.http.Fixtures.DEMO_A2_PARTNER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Idempotency-Key over HTTP (CONTRACT.md D5): replay, canonical body, conflict, 4xx not stored, concurrency. */
@ExtendWith(RunningMock.class)
class IdempotencyTest {

    @Test
    void replays_the_original_response_for_the_same_key_and_body() {
        String body = Fixtures.completeSubmission().toString();

        Response first = Partner.submit(DEMO_A1_KEY, "idem-replay", body);
        Response replay = Partner.submit(DEMO_A1_KEY, "idem-replay", body);

        first.then().statusCode(202);
        assertThat(first.header("Idempotent-Replayed")).as("header on the first acceptance").isNull();
        replay.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat(replay.asByteArray()).as("replayed body, byte for byte").isEqualTo(first.asByteArray());
    }

    @Test
    void the_same_document_with_other_key_order_and_spacing_is_the_same_body() {
        ObjectNode document = Fixtures.completeSubmission();
        String reordered = "{\n  " + reversedFields(document) + "\n}";

        Response first = Partner.submit(DEMO_A1_KEY, "idem-reorder", document.toString());
        Response replay = Partner.submit(DEMO_A1_KEY, "idem-reorder", reordered);

        replay.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat(replay.asByteArray()).isEqualTo(first.asByteArray());
    }

    @Test
    void another_body_with_the_same_key_answers_409_idempotency_conflict() {
        Partner.submit(DEMO_A1_KEY, "idem-conflict", Fixtures.completeSubmission()).then().statusCode(202);

        ObjectNode other = Fixtures.completeSubmission().put("partnerSubmissionId", "hy-sub-other");
        Partner.submit(DEMO_A1_KEY, "idem-conflict", other).then()
                .statusCode(409)
                .body("error.code", equalTo("IDEMPOTENCY_CONFLICT"))
                .body("error.correlationId", equalTo("corr-idem-conflict"));
    }

    @Test
    void a_request_refused_with_a_4xx_does_not_use_up_its_key() {
        ObjectNode invalid = Fixtures.completeSubmission();
        invalid.remove("schemaVersion");
        Partner.submitInvalid(DEMO_A1_KEY, "idem-after-400", invalid).then().statusCode(400);
        ObjectNode mismatched = Fixtures.completeSubmission().put("partnerId", DEMO_A2_PARTNER_ID);
        Partner.submit(DEMO_A1_KEY, "idem-after-400", mismatched).then().statusCode(403);

        Response accepted = Partner.submit(DEMO_A1_KEY, "idem-after-400", Fixtures.completeSubmission());

        accepted.then().statusCode(202);
        assertThat(accepted.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void keys_belong_to_one_credential() {
        String first = Partner.submit(DEMO_A1_KEY, "idem-shared-key", Fixtures.completeSubmission())
                .then().statusCode(202).extract().path("submissionId");

        Response other = Partner.submit(DEMO_A2_KEY, "idem-shared-key",
                Fixtures.submission(DEMO_A2_PARTNER_ID, "hy-sub-0001"));

        other.then().statusCode(202);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.<String>path("submissionId")).isNotEqualTo(first);
    }

    @Test
    void thirty_two_parallel_posts_with_one_key_create_exactly_one_submission() throws Exception {
        String body = Fixtures.completeSubmission().put("partnerSubmissionId", "hy-sub-parallel").toString();
        int parallel = 32;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return Partner.submit(DEMO_A1_KEY, "idem-parallel", body);
                }));
            }
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(30, TimeUnit.SECONDS));
            }

            assertThat(responses).extracting(Response::statusCode).containsOnly(202);
            assertThat(responses).extracting(Response::asString).as("every 202 body").containsOnly(responses.get(0).asString());
            assertThat(responses).filteredOn(r -> r.header("Idempotent-Replayed") == null)
                    .as("first acceptances").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        String submissionId = Partner.submit(DEMO_A1_KEY, "idem-parallel", body).path("submissionId");
        Partner.withKey(DEMO_A1_KEY).get("/v1/submissions/" + submissionId).then().statusCode(200)
                .body("partnerSubmissionId", equalTo("hy-sub-parallel"));
        assertThat(stateSubmissionCount()).as("submissions in the mock's state").isEqualTo(1);
    }

    /** How many submissions the admin snapshot holds; independent of the snapshot's exact layout. */
    private static int stateSubmissionCount() {
        Map<String, Object> state = io.restassured.RestAssured.given().get("/__admin/iduscore/state")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        Object submissions = state.get("submissions");
        assertThat(submissions).as("the snapshot's submissions").isInstanceOf(List.class);
        return ((List<?>) submissions).size();
    }

    private static String reversedFields(ObjectNode document) {
        List<String> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = it.next();
            fields.add(0, "\"" + field.getKey() + "\" :   " + field.getValue());
        }
        return String.join(",\n  ", fields);
    }
}
