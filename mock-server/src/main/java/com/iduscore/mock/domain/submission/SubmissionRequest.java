package com.iduscore.mock.domain.submission;

import java.util.List;
import java.util.Objects;

/**
 * A {@code POST /v1/submissions} body as the domain sees it: typed, after the HTTP adapter has checked its shape
 * against the contract's schema. Only what the domain acts on is here; the adapter derives the two digests.
 *
 * @param partnerId           the body's {@code partnerId}, as sent (checked against the caller's credential)
 * @param markers             the blood panel in body order; empty when the body sends none
 * @param reportDocuments     how many {@code reportDocuments} it sends
 * @param requestedOutcomes   {@code options.requestedOutcomes} as sent (empty: the default outcomes)
 * @param requestedOutputs    {@code options.requestedOutputs} as sent
 * @param optionalInputsMissing the subject lacks {@code measurements}, {@code history} or {@code familyHistory}
 * @param clinicalInputs      canonical text of the subject's clinical inputs: what scores depend on, and only that
 * @param fingerprint         hex SHA-256 of the whole body's canonical JSON: the idempotency fingerprint (CONTRACT.md D5)
 */
public record SubmissionRequest(String partnerId, String partnerSubmissionId, String partnerSubjectId,
                                List<Marker> markers, int reportDocuments, List<String> requestedOutcomes,
                                List<String> requestedOutputs, boolean optionalInputsMissing, String clinicalInputs,
                                String fingerprint) {

    public SubmissionRequest {
        markers = List.copyOf(Objects.requireNonNull(markers, "markers"));
        requestedOutcomes = List.copyOf(Objects.requireNonNull(requestedOutcomes, "requestedOutcomes"));
        requestedOutputs = List.copyOf(Objects.requireNonNull(requestedOutputs, "requestedOutputs"));
        Objects.requireNonNull(clinicalInputs, "clinicalInputs");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * One blood marker; a field the body sent with the wrong type (or not at all) is null.
     *
     * @param value null when absent or not a number; may be infinite or negative (the panel check refuses those)
     */
    public record Marker(String code, String unit, Double value) {
    }
}
