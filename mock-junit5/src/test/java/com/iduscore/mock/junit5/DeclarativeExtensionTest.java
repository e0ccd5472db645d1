package com.iduscore.mock.junit5;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@IduScoreMockTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeclarativeExtensionTest {
    private static String submittedByTheFirstTest;

    @Test
    @Order(1)
    void a_submission_settles_to_completed_and_its_signed_result_ready_webhook_reaches_the_receiver(IduScoreMock mock) {
        HttpResponse<String> accepted = PartnerCalls.submit(mock, PartnerCalls.minimalSubmission(), true);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String submissionId = PartnerCalls.submissionId(accepted);
        submittedByTheFirstTest = submissionId;
        assertThat(PartnerCalls.get(mock, "/v1/submissions/" + submissionId, mock.tenantA().apiKey()).body())
                .contains("\"status\":\"received\"");

        mock.settle();

        assertThat(PartnerCalls.get(mock, "/v1/submissions/" + submissionId, mock.tenantA().apiKey()).body())
                .contains("\"status\":\"completed\"");
        IduScoreAssertions.assertThat(mock.deliveries()).hasSize(1).hasResultReadyFor(submissionId)
                .allSignedWith(mock.tenantA().webhookSecret());
        IduScoreAssertions.assertThatLog(mock.deliveryLog()).hasAttemptsFor(submissionId, 1).wasAcknowledgedFor(submissionId);
    }

    @Test
    @Order(2)
    void state_is_reset_between_tests_of_one_class(IduScoreMock mock) {
        assertThat(submittedByTheFirstTest).isNotNull();
        assertThat(PartnerCalls.get(mock, "/v1/submissions/" + submittedByTheFirstTest, mock.tenantA().apiKey()).statusCode())
                .isEqualTo(404);
        assertThat(mock.deliveries()).isEmpty();
        assertThat(mock.deliveryLog()).isEmpty();
    }

    @Test
    void advance_moves_the_manual_clock_by_exactly_the_duration(IduScoreMock mock) {
        Instant before = mock.now();
        mock.advance(Duration.ofMinutes(90));
        assertThat(Duration.between(before, mock.now())).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void a_failing_receiver_makes_the_mock_retry_four_times_within_settle(IduScoreMock mock) {
        mock.webhookReceiver().answerWith(500);
        String submissionId = PartnerCalls.submissionId(PartnerCalls.submit(mock, PartnerCalls.minimalSubmission(), true));

        mock.settle();

        IduScoreAssertions.assertThatLog(mock.deliveryLog()).hasAttemptsFor(submissionId, 5);
        assertThat(mock.deliveries()).hasSize(5).allSatisfy(d -> assertThat(d.answeredStatus()).isEqualTo(500));
    }

    @Test
    void faults_switch_readiness_off_until_cleared(IduScoreMock mock) {
        mock.faults().notReady();
        assertThat(PartnerCalls.get(mock, "/health/ready", null).statusCode()).isEqualTo(503);
        mock.faults().clear();
        assertThat(PartnerCalls.get(mock, "/health/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    void the_demo_tenants_are_handed_out_with_their_credentials_and_a_webhook_at_the_receiver(IduScoreMock mock) {
        assertThat(mock.tenantA().apiKey()).isEqualTo("idu_demo_a1");
        assertThat(mock.tenantA().partnerId()).isEqualTo("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a");
        assertThat(mock.tenantA().credential(1).apiKey()).isEqualTo("idu_demo_a2");
        assertThat(mock.tenantB().apiKey()).isEqualTo("idu_demo_b1");
        assertThat(mock.inactiveTenant().active()).isFalse();
        assertThat(mock.tenantA().webhookUrl()).isEqualTo(mock.webhookReceiver().url() + "/demo-a");
    }
}
