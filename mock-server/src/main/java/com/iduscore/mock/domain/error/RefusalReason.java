package com.iduscore.mock.domain.error;

/**
 * Why a request is refused: the error codes of the contract ({@code CONTRACT.md D4}), each the {@code error.code}
 * it answers with. No HTTP here: {@code http/ErrorStatus} is the one table that maps a reason to its status.
 */
public enum RefusalReason {
    VALIDATION_ERROR,
    SUBMISSION_VALIDATION_ERROR,
    INVALID_API_KEY,
    TENANT_INACTIVE,
    PARTNER_ID_MISMATCH,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    IDEMPOTENCY_CONFLICT,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    RATE_LIMITED,
    INTERNAL_ERROR;

    /** The {@code error.code} of the envelope. */
    public String code() {
        return name();
    }
}
