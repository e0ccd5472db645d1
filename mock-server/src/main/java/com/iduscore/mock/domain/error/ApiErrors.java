package com.iduscore.mock.domain.error;

import java.util.List;
import java.util.Map;

/** The refusals of decisions.md D4 that the domain raises, with their codes and messages in one place. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static ApiException invalidApiKey() {
        return new ApiException(401, "INVALID_API_KEY", "Invalid or expired API key");
    }

    public static ApiException tenantInactive() {
        return new ApiException(403, "TENANT_INACTIVE", "The tenant of this API key is inactive");
    }

    public static ApiException partnerIdMismatch() {
        return new ApiException(403, "PARTNER_ID_MISMATCH",
                "partnerId does not match the partner credential of this API key");
    }

    /** 403 for a resource of the caller's tenant that is restricted ({@code metadata.partnerId}) to another credential. */
    public static ApiException restrictedToAnotherCredential(String resource) {
        return new ApiException(403, "FORBIDDEN",
                resource + " is restricted to another partner credential of this tenant");
    }

    /** 404 for an unknown id and, identically, for an id of another tenant: "Submission not found" etc. */
    public static ApiException notFound(String resource) {
        return new ApiException(404, "NOT_FOUND", resource + " not found");
    }

    public static ApiException idempotencyConflict() {
        return new ApiException(409, "IDEMPOTENCY_CONFLICT",
                "Idempotency-Key was already used with a different request body");
    }

    /** 400 for the 14-marker panel; {@code details} are {@code [{field, message}]} in the order found. */
    public static ApiException markerPanel(List<Map<String, String>> details) {
        return new ApiException(400, "SUBMISSION_VALIDATION_ERROR", "Blood marker submission failed validation.",
                List.copyOf(details));
    }

    /** 403 for an artifact link whose signature is altered or whose expiry has passed. */
    public static ApiException downloadForbidden(String why) {
        return new ApiException(403, "FORBIDDEN", why);
    }
}
