package com.iduscore.mock.domain.error;

import java.util.List;
import java.util.Map;

/** The refusals the domain raises ({@code CONTRACT.md D4}), with their reasons and messages in one place. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static ApiException invalidApiKey() {
        return new ApiException(RefusalReason.INVALID_API_KEY, "Invalid or expired API key");
    }

    public static ApiException tenantInactive() {
        return new ApiException(RefusalReason.TENANT_INACTIVE, "The tenant of this API key is inactive");
    }

    public static ApiException partnerIdMismatch() {
        return new ApiException(RefusalReason.PARTNER_ID_MISMATCH,
                "partnerId does not match the partner credential of this API key");
    }

    /** {@code FORBIDDEN} for a resource of the caller's tenant that is restricted ({@code metadata.partnerId}) to another credential. */
    public static ApiException restrictedToAnotherCredential(String resource) {
        return new ApiException(RefusalReason.FORBIDDEN,
                resource + " is restricted to another partner credential of this tenant");
    }

    /** {@code NOT_FOUND} for an unknown id and, identically, for an id of another tenant: "Submission not found" etc. */
    public static ApiException notFound(String resource) {
        return new ApiException(RefusalReason.NOT_FOUND, resource + " not found");
    }

    public static ApiException idempotencyConflict() {
        return new ApiException(RefusalReason.IDEMPOTENCY_CONFLICT,
                "Idempotency-Key was already used with a different request body");
    }

    /** {@code SUBMISSION_VALIDATION_ERROR} for the 14-marker panel; {@code details} are {@code [{field, message}]} in the order found. */
    public static ApiException markerPanel(List<Map<String, String>> details) {
        return new ApiException(RefusalReason.SUBMISSION_VALIDATION_ERROR, "Blood marker submission failed validation.",
                List.copyOf(details));
    }

    /** {@code FORBIDDEN} for an artifact link whose signature is altered or whose expiry has passed. */
    public static ApiException downloadForbidden(String why) {
        return new ApiException(RefusalReason.FORBIDDEN, why);
    }
}
