package com.iduscore.mock.domain.error;

import java.util.Objects;

/**
 * A refusal the API answers with its error envelope ({@code CONTRACT.md D4}): a {@link RefusalReason}, a message and
 * optional details. The HTTP adapter picks the status ({@code http/ErrorStatus}) and writes
 * {@code {"error":{"code","message","requestId","correlationId"?,"details"?}}}; the domain never sees HTTP.
 *
 * @see RefusalReason
 */
public final class ApiException extends RuntimeException {
    private final RefusalReason reason;
    private final transient Object details;

    /** @param details {@code null}, a {@code Map} or a {@code List}, serialised as-is into {@code error.details} */
    public ApiException(RefusalReason reason, String message, Object details) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.details = details;
    }

    public ApiException(RefusalReason reason, String message) {
        this(reason, message, null);
    }

    public RefusalReason reason() { return reason; }

    /** The envelope's {@code error.code}. */
    public String code() { return reason.code(); }

    public Object details() { return details; }
}
