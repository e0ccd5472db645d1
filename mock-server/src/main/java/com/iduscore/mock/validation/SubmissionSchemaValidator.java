package com.iduscore.mock.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Checks a parsed POST /v1/submissions body against {@code components.schemas.CanonicalSubmissionV1} of the OpenAPI
 * document (CONTRACT.md D11), so the mock never carries a second copy of the schema.
 */
public interface SubmissionSchemaValidator {

    /** The failures, Zod-flatten shaped; {@link FieldErrors#isEmpty()} when the body is valid. */
    FieldErrors validate(JsonNode body);

    /**
     * {@code {formErrors: string[], fieldErrors: {"json.path": string[]}}}, as the API's {@code VALIDATION_ERROR} details.
     * Keys are dotted paths from the body root ({@code subject.demographics.sexAtBirth}, {@code markers.3.unit}).
     */
    record FieldErrors(List<String> formErrors, Map<String, List<String>> fieldErrors) {
        /** Not a JSON property: {@code details} carries exactly {@code formErrors} and {@code fieldErrors} (CONTRACT.md D4). */
        @JsonIgnore
        public boolean isEmpty() {
            return formErrors.isEmpty() && fieldErrors.isEmpty();
        }
    }
}
