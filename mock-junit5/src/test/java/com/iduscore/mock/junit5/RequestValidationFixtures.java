package com.iduscore.mock.junit5;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Test classes run by {@link RequestValidationTest} through the engine test kit (surefire skips them). */
class RequestValidationFixtures {

    @IduScoreMockTest
    static class SendsNoIdempotencyKey {
        @Test
        void sends_a_post_without_idempotency_key(IduScoreMock mock) {
            assertThat(PartnerCalls.submit(mock, PartnerCalls.minimalSubmission(), false).statusCode()).isEqualTo(400);
        }
    }

    @IduScoreMockTest(validateRequests = false)
    static class SendsNoIdempotencyKeyUnvalidated {
        @Test
        void sends_a_post_without_idempotency_key(IduScoreMock mock) {
            assertThat(PartnerCalls.submit(mock, PartnerCalls.minimalSubmission(), false).statusCode()).isEqualTo(400);
        }
    }

    @IduScoreMockTest
    static class SendsAConformingPost {
        @Test
        void sends_a_conforming_post(IduScoreMock mock) {
            assertThat(PartnerCalls.submit(mock, PartnerCalls.minimalSubmission(), true).statusCode()).isEqualTo(202);
        }
    }

    @IduScoreMockTest
    static class ChecksSignaturesWithAWrongSecret {
        @Test
        void checks_signatures_with_a_wrong_secret(IduScoreMock mock) {
            PartnerCalls.submit(mock, PartnerCalls.minimalSubmission(), true);
            mock.settle();
            IduScoreAssertions.assertThat(mock.deliveries()).allSignedWith("not-the-secret");
        }
    }
}
