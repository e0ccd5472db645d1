package com.iduscore.mock.domain.error;

/**
 * A refusal the API answers with its error envelope (decisions.md D4). The HTTP adapter turns it into
 * {@code {"error":{"code","message","requestId","correlationId"?,"details"?}}}; the domain never sees HTTP.
 *
 * @param details {@code null}, a {@code Map} or a {@code List}, serialised as-is into {@code error.details}
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient Object details;

    public ApiException(int status, String code, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public int status() { return status; }

    public String code() { return code; }

    public Object details() { return details; }
}
