package com.iduscore.mock.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.iduscore.mock.domain.error.ApiException;
import com.iduscore.mock.domain.error.RefusalReason;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's error envelope (CONTRACT.md D4): {@code {"error":{"code","message","requestId","correlationId"?,"details"?}}} and
 * nothing else, at either level. Shared by the partner routes and the admin API.
 */
public final class ErrorReplies {


    private ErrorReplies() {
    }

    /** The refusal's envelope, with the status {@link ErrorStatus} gives its reason. */
    public static HttpReply of(RequestContext context, ApiException refusal) {
        return of(context, ErrorStatus.of(refusal.reason()), refusal.code(), refusal.getMessage(), refusal.details());
    }

    public static HttpReply of(RequestContext context, int status, String code, String message, Object details) {
        ErrorBody body = new ErrorBody(code, message, context.requestId(), context.correlationId(), details);
        return HttpReply.json(status, new Envelope(body));
    }

    public static HttpReply internalError(RequestContext context) {
        return of(context, new ApiException(RefusalReason.INTERNAL_ERROR, "Internal server error"));
    }

    /** Zod-flatten details, {@code {formErrors: [], fieldErrors: {field: [message]}}}. */
    public static Map<String, Object> flatten(List<String> formErrors, Map<String, List<String>> fieldErrors) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("formErrors", formErrors);
        details.put("fieldErrors", fieldErrors);
        return details;
    }

    /** A 400 {@code VALIDATION_ERROR} whose details name one field. */
    public static ApiException invalidField(String message, String field, String problem) {
        return new ApiException(RefusalReason.VALIDATION_ERROR, message, flatten(List.of(), Map.of(field, List.of(problem))));
    }

    /** A 400 {@code VALIDATION_ERROR} for a body that is not JSON, with the parser's problem as its one form error. */
    public static ApiException malformedJson(String problem) {
        return new ApiException(RefusalReason.VALIDATION_ERROR, "Malformed JSON body", flatten(List.of(problem), Map.of()));
    }

    /** The first line of a parser's message (Jackson adds a source excerpt on the lines after). */
    public static String firstLine(String parserMessage) {
        if (parserMessage == null) {
            return "Malformed JSON";
        }
        int newline = parserMessage.indexOf('\n');
        return newline < 0 ? parserMessage : parserMessage.substring(0, newline);
    }

    record Envelope(ErrorBody error) {
    }

    record ErrorBody(String code, String message, String requestId,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String correlationId,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Object details) {
    }
}
