package com.iduscore.mock.http;

import com.iduscore.mock.domain.error.RefusalReason;

/** The one table from a refusal's reason to its HTTP status ({@code CONTRACT.md D4}); partner and admin API alike. */
public final class ErrorStatus {
    private ErrorStatus() {
    }

    public static int of(RefusalReason reason) {
        return switch (reason) {
            case VALIDATION_ERROR, SUBMISSION_VALIDATION_ERROR -> 400;
            case INVALID_API_KEY -> 401;
            case TENANT_INACTIVE, PARTNER_ID_MISMATCH, FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case IDEMPOTENCY_CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case RATE_LIMITED -> 429;
            case INTERNAL_ERROR -> 500;
        };
    }
}
