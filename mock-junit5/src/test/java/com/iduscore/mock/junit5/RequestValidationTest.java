package com.iduscore.mock.junit5;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

class RequestValidationTest {

    @Test
    void a_test_whose_client_omits_a_required_header_fails_naming_the_request_and_the_violation() {
        var events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RequestValidationFixtures.SendsNoIdempotencyKey.class))
                .execute().testEvents();

        events.assertThatEvents().haveExactly(1, org.assertj.core.api.Assertions.allOf(
                test("sends_a_post_without_idempotency_key"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.contains("request(s) that the IduScore contract does not allow")
                                && m.contains("POST /v1/submissions → 400")
                                && m.contains("[request]")
                                && m.contains("Idempotency-Key")))));
    }

    @Test
    void the_same_test_passes_with_validation_switched_off() {
        var events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RequestValidationFixtures.SendsNoIdempotencyKeyUnvalidated.class))
                .execute().testEvents();

        events.assertThatEvents().haveExactly(1, finishedSuccessfully());
        assertThat(events.failed().count()).isZero();
    }

    @Test
    void conforming_requests_pass_validation() {
        var events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RequestValidationFixtures.SendsAConformingPost.class))
                .execute().testEvents();

        List<Event> failures = events.failed().list();
        assertThat(failures).as("failures: %s", failures).isEmpty();
        events.assertThatEvents().haveExactly(1, finishedSuccessfully());
    }

    @Test
    void a_wrong_secret_fails_all_signed_with_showing_the_expected_and_the_received_signature() {
        var events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RequestValidationFixtures.ChecksSignaturesWithAWrongSecret.class))
                .execute().testEvents();

        events.assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionFailedError.class),
                message(m -> m.contains("Expected every webhook signed with the given secret")
                        && m.matches("(?s).*expected signature v1=[0-9a-f]{64} but came v1=[0-9a-f]{64}.*"))));
    }
}
