package com.iduscore.mock.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.view.SubmissionView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.iduscore.mock.domain.ApiExceptionAssert.assertRefusal;
import static com.iduscore.mock.domain.DomainHarness.A1;
import static com.iduscore.mock.domain.DomainHarness.A2;
import static com.iduscore.mock.domain.DomainHarness.START;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /v1/submissions after the schema: partnerId, the marker panel, then the 202 (CONTRACT.md D2, D4, D11). */
class SubmitTest {
    private final DomainHarness harness = new DomainHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void accepts_a_complete_submission_with_the_ingest_job_and_the_request_correlation_id() {
        Submitted submitted = harness.service.submit(harness.a1(), "key-1", "corr-42",
                com.iduscore.mock.http.SubmissionRequests.parse(Bodies.complete(A1, "hy-sub-0001")));

        assertThat(submitted.replayed()).isFalse();
        assertThat(submitted.accepted().partnerSubmissionId()).isEqualTo("hy-sub-0001");
        assertThat(submitted.accepted().status()).isEqualTo("received");
        assertThat(submitted.accepted().statusLabel()).isEqualTo("Received");
        assertThat(submitted.accepted().correlationId()).isEqualTo("corr-42");
        assertThat(submitted.accepted().createdAt()).isEqualTo(START);
        SubmissionView detail = harness.submission(harness.a1(), submitted);
        assertThat(detail.jobs().get(0).jobId()).isEqualTo(submitted.accepted().jobId());
        assertThat(detail.jobs().get(0).type()).isEqualTo("pipeline.ingest_validate");
    }

    @Test
    void refuses_a_partner_id_that_is_not_the_callers_credential() {
        assertRefusal(() -> harness.submit(harness.a1(), Bodies.complete(A2, "hy-sub-0001")))
                .is(403, "PARTNER_ID_MISMATCH");
    }

    @Test
    void checks_the_partner_id_before_the_marker_panel() {
        ObjectNode body = Bodies.complete(A2, "hy-sub-0001");
        Bodies.marker(body, "ALT").put("unit", "µkat/L");

        assertRefusal(() -> harness.submit(harness.a1(), body)).is(403, "PARTNER_ID_MISMATCH");
    }

    @Test
    void refuses_thirteen_markers_with_the_panel_count_message() {
        ObjectNode body = Bodies.complete(A1, "hy-sub-0001");
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("markers")).remove(13);

        var refusal = assertRefusal(() -> harness.submit(harness.a1(), body))
                .is(400, "SUBMISSION_VALIDATION_ERROR").withMessage("Blood marker submission failed validation.");
        assertThat(refusal.details().get(0))
                .containsEntry("field", "markers")
                .containsEntry("message", "Expected 14 blood markers for this panel.");
        refusal.withDetailField("markers");
    }

    @Test
    void refuses_a_wrong_unit_under_the_markers_code_unit_field() {
        ObjectNode body = Bodies.complete(A1, "hy-sub-0001");
        Bodies.marker(body, "ALT").put("unit", "µkat/L");

        var refusal = assertRefusal(() -> harness.submit(harness.a1(), body)).is(400, "SUBMISSION_VALIDATION_ERROR");
        assertThat(refusal.details()).hasSize(1);
        assertThat(refusal.details().get(0)).containsEntry("field", "markers.ALT.unit");
    }

    @Test
    void refuses_a_negative_value_and_the_not_applicable_sentinel_on_markers() {
        ObjectNode body = Bodies.complete(A1, "hy-sub-0001");
        Bodies.marker(body, "CRP").put("value", -0.4);
        Bodies.marker(body, "GGT").put("value", -1);

        assertRefusal(() -> harness.submit(harness.a1(), body)).is(400, "SUBMISSION_VALIDATION_ERROR")
                .withDetailField("markers.CRP.value").withDetailField("markers.GGT.value");
    }

    @Test
    void refuses_a_duplicate_code_and_an_unknown_code_as_panel_make_up_problems() {
        ObjectNode duplicate = Bodies.complete(A1, "hy-sub-0001");
        Bodies.marker(duplicate, "HBA1C_MMOL_MOL").put("code", "ALT").put("unit", "U/L");
        ObjectNode unknown = Bodies.complete(A1, "hy-sub-0002");
        Bodies.marker(unknown, "HBA1C_MMOL_MOL").put("code", "HBA1C_PERCENT").put("unit", "%");

        var duplicateRefusal = assertRefusal(() -> harness.submit(harness.a1(), duplicate))
                .is(400, "SUBMISSION_VALIDATION_ERROR");
        assertThat(duplicateRefusal.details().get(0)).containsEntry("field", "markers");
        assertThat(duplicateRefusal.details()).extracting(d -> d.get("message"))
                .contains("Blood marker ALT appears more than once.", "Blood marker HBA1C_MMOL_MOL is missing.");
        var unknownRefusal = assertRefusal(() -> harness.submit(harness.a1(), unknown))
                .is(400, "SUBMISSION_VALIDATION_ERROR");
        assertThat(unknownRefusal.details().get(0)).containsEntry("field", "markers");
        assertThat(unknownRefusal.details().get(0).get("message")).contains("HBA1C_PERCENT");
    }

    @Test
    void accepts_the_greek_mu_as_the_micro_sign_in_a_unit() {
        ObjectNode body = Bodies.complete(A1, "hy-sub-0001");
        Bodies.marker(body, "URATE").put("unit", "\u03BCmol/L");

        assertThat(harness.submit(harness.a1(), body).replayed()).isFalse();
    }

    @Test
    void skips_the_panel_for_a_submission_that_sends_report_documents_instead_of_markers() {
        ObjectNode body = Bodies.complete(A1, "hy-sub-doc-0001");
        body.remove("markers");
        body.putArray("reportDocuments").addObject().put("kind", "lab_report").put("uri", "gs://bucket/doc.pdf");

        Submitted submitted = harness.submit(harness.a1(), body);

        assertThat(harness.submission(harness.a1(), submitted).counts().documents()).isEqualTo(1);
    }

    @Test
    void gives_two_submissions_of_one_partner_subject_the_same_subject_id_but_not_across_tenants() {
        SubmissionView first = harness.submission(harness.a1(), harness.submit(harness.a1(), "hy-sub-1"));
        SubmissionView second = harness.submission(harness.a1(), harness.submit(harness.a1(), "hy-sub-2"));
        SubmissionView otherTenant = harness.submission(harness.b1(), harness.submit(harness.b1(), "hy-sub-1"));

        assertThat(second.subjectId()).isEqualTo(first.subjectId());
        assertThat(otherTenant.subjectId()).isNotEqualTo(first.subjectId());
    }
}
