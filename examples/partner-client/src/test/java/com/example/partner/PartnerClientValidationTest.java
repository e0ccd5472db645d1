package com.example.partner;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.allOf;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** A client that sends a request the contract does not allow fails its test, with a message that says why. */
class PartnerClientValidationTest {

    @Test
    void a_submit_without_idempotency_key_fails_the_test_naming_the_request_and_the_missing_header() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PartnerClientValidationFixtures.ClientForgetsTheIdempotencyKey.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(1, allOf(test("submits_without_an_idempotency_key"),
                        finishedWithFailure(instanceOf(AssertionFailedError.class), message(m ->
                                m.contains("POST /v1/submissions → 400") && m.contains("Idempotency-Key")))));
    }
}
