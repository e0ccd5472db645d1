package com.iduscore.mock.domain;

import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.error.ApiException;
import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.CredentialConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.iduscore.mock.domain.ApiExceptionAssert.assertRefusal;
import static com.iduscore.mock.domain.DomainHarness.A1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CONTRACT.md D6: keys, tenants, and who may read what. */
class TenantIsolationTest {
    private final DomainHarness harness = new DomainHarness();
    private Submitted submitted;
    private UUID resultId;

    @BeforeEach
    void completeOneSubmissionOfDemoA1() {
        submitted = harness.submit(harness.a1(), "hy-1");
        harness.runToEnd();
        resultId = harness.submission(harness.a1(), submitted).resultId();
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void authenticates_a_known_key_as_its_tenant_and_credential() {
        Caller caller = harness.service.authenticate("idu_demo_a2");

        assertThat(caller.tenantId()).isEqualTo("demo-a");
        assertThat(caller.partnerId()).isEqualTo(DomainHarness.A2);
        assertThat(harness.hooked().rateLimitPerMinute()).isEqualTo(120);
    }

    @Test
    void refuses_a_missing_blank_or_unknown_key_with_invalid_api_key() {
        for (String key : new String[]{null, "", "  ", "idu_demo_a1 ", "IDU_DEMO_A1", "nope"}) {
            assertRefusal(() -> harness.service.authenticate(key)).is(401, "INVALID_API_KEY")
                    .withMessage("Invalid or expired API key");
        }
    }

    @Test
    void refuses_a_key_of_an_inactive_tenant_with_tenant_inactive() {
        assertRefusal(() -> harness.service.authenticate("idu_demo_inactive")).is(403, "TENANT_INACTIVE");
    }

    @Test
    void answers_another_tenants_ids_exactly_as_unknown_ids() {
        Caller b = harness.b1();
        UUID jobId = submitted.accepted().jobId();

        ApiException foreignSubmission = assertRefusal(() -> harness.service.submission(b, submitted.accepted().submissionId()))
                .is(404, "NOT_FOUND").withMessage("Submission not found").refusal();
        ApiException unknownSubmission = assertRefusal(() -> harness.service.submission(b, UUID.randomUUID()))
                .is(404, "NOT_FOUND").refusal();
        assertRefusal(() -> harness.service.job(b, jobId)).is(404, "NOT_FOUND").withMessage("Job not found");
        assertRefusal(() -> harness.service.job(b, UUID.randomUUID())).is(404, "NOT_FOUND").withMessage("Job not found");
        assertRefusal(() -> harness.service.result(b, resultId, com.iduscore.mock.http.ArtifactLinks.under("http://x"))).is(404, "NOT_FOUND").withMessage("Result not found");
        assertRefusal(() -> harness.service.result(b, UUID.randomUUID(), com.iduscore.mock.http.ArtifactLinks.under("http://x"))).is(404, "NOT_FOUND")
                .withMessage("Result not found");
        assertThat(foreignSubmission.getMessage()).isEqualTo(unknownSubmission.getMessage());
        assertThat(foreignSubmission.details()).isEqualTo(unknownSubmission.details());
    }

    @Test
    void forbids_another_credential_of_the_same_tenant_to_read_the_submission_its_jobs_and_its_result() {
        Caller a2 = harness.a2();

        assertRefusal(() -> harness.service.submission(a2, submitted.accepted().submissionId())).is(403, "FORBIDDEN");
        assertRefusal(() -> harness.service.job(a2, submitted.accepted().jobId())).is(403, "FORBIDDEN");
        assertRefusal(() -> harness.service.result(a2, resultId, com.iduscore.mock.http.ArtifactLinks.under("http://x"))).is(403, "FORBIDDEN");
    }

    @Test
    void lets_the_submitting_credential_read_everything() {
        Caller a1 = harness.a1();

        assertThat(harness.service.submission(a1, submitted.accepted().submissionId()).submissionId())
                .isEqualTo(submitted.accepted().submissionId());
        assertThat(harness.service.job(a1, submitted.accepted().jobId()).jobId()).isEqualTo(submitted.accepted().jobId());
        assertThat(harness.service.result(a1, resultId, com.iduscore.mock.http.ArtifactLinks.under("http://x")).resultId()).isEqualTo(resultId);
    }

    @Test
    void keeps_keys_out_of_the_credentials_and_tenants_it_prints() {
        Caller caller = harness.a1();

        assertThat(caller.toString()).doesNotContain("idu_demo_a1");
        assertThat(harness.service.exportState()).doesNotContain("idu_demo_a1", "whsec_test", "partner-webhook-key");
    }

    @Test
    void refuses_a_tenants_file_that_gives_two_credentials_one_key() {
        List<TenantConfig> tenants = List.of(
                new TenantConfig("t1", true, null, null, List.of(new CredentialConfig(A1.toString(), "same"))),
                new TenantConfig("t2", true, null, null, List.of(new CredentialConfig(UUID.randomUUID().toString(), "same"))));

        assertThatThrownBy(() -> new IduScoreService(DomainSettings.defaults(harness.clock, tenants),
                DomainHarness.ports(harness.transport, harness.renderer)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t2").hasMessageNotContaining("same");
    }

    @Test
    void refuses_a_partner_id_that_is_not_a_uuid_naming_the_tenant() {
        List<TenantConfig> tenants = List.of(
                new TenantConfig("t1", true, null, null, List.of(new CredentialConfig("partner-1", "k"))));

        assertThatThrownBy(() -> new IduScoreService(DomainSettings.defaults(harness.clock, tenants),
                DomainHarness.ports(harness.transport, harness.renderer)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t1").hasMessageContaining("partner-1");
    }
}
