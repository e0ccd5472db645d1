package com.example.partner;

/** An IduScore error envelope {@code {"error":{"code","message","requestId"}}} with its HTTP status. */
public class IduScoreApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String requestId;

    public IduScoreApiException(int status, String code, String message, String requestId) {
        super(status + " " + code + ": " + message + " (requestId " + requestId + ")");
        this.status = status;
        this.code = code;
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Quote this to IduScore support. */
    public String requestId() {
        return requestId;
    }
}
