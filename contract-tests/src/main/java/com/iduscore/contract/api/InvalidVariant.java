package com.iduscore.contract.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.target.Credential;

import java.util.Optional;
import java.util.UUID;

/**
 * A named invalid submission from {@code fixtures/submissions/invalid/index.json} and the error it must get.
 *
 * @param body          the body exactly as the fixture has it (partnerId of demo-a's first credential)
 * @param expectedField the {@code fieldErrors} key ({@code VALIDATION_ERROR}) or {@code details[].field}
 *                      ({@code SUBMISSION_VALIDATION_ERROR}); null for form-level errors
 */
public record InvalidVariant(String name, String description, ObjectNode body, int expectedStatus, String expectedCode,
                             String expectedField) {

    /**
     * The body to send as {@code credential}: the fixture's default {@code partnerId} becomes the credential's (so the
     * request reaches the check the variant is about), and the fixture's default {@code partnerSubmissionId} becomes
     * unique. A variant about {@code partnerId} itself keeps its value, except that a mismatch variant whose
     * partnerId happens to be the credential's gets another.
     */
    public ObjectNode bodyFor(Credential credential) {
        ObjectNode copy = body.deepCopy();
        String partnerId = copy.path("partnerId").asText(null);
        if (Fixtures.DEFAULT_PARTNER_ID.equals(partnerId)) {
            copy.put("partnerId", credential.partnerId());
        }
        if ("PARTNER_ID_MISMATCH".equals(expectedCode) && credential.partnerId().equals(copy.path("partnerId").asText())) {
            copy.put("partnerId", UUID.randomUUID().toString());
        }
        if (Fixtures.DEFAULT_PARTNER_SUBMISSION_ID.equals(copy.path("partnerSubmissionId").asText(null))) {
            copy.put("partnerSubmissionId", Fixtures.uniquePartnerSubmissionId(""));
        }
        return copy;
    }

    public Optional<String> field() {
        return Optional.ofNullable(expectedField);
    }

    @Override
    public String toString() {
        return name + " (" + expectedStatus + " " + expectedCode + (expectedField == null ? "" : " at " + expectedField) + ")";
    }
}
