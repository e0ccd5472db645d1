package com.example.partner;

import com.iduscore.mock.junit5.IduScoreMock;
import com.iduscore.mock.junit5.IduScoreMockTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Run by {@link PartnerClientValidationTest} through the engine test kit; surefire skips this file. */
class PartnerClientValidationFixtures {

    /** A client bug: the submit is sent without an Idempotency-Key. The test itself passes; the extension must fail it. */
    @IduScoreMockTest
    static class ClientForgetsTheIdempotencyKey {
        @Test
        void submits_without_an_idempotency_key(IduScoreMock mock) {
            IduScoreClient client = new IduScoreClient(mock.baseUrl(), mock.tenantA().apiKey(), mock::advance);
            assertThatThrownBy(() -> client.submit(null, "corr-" + UUID.randomUUID(), PartnerClientTest.submissionJson()))
                    .isInstanceOf(IduScoreApiException.class);
        }
    }
}
