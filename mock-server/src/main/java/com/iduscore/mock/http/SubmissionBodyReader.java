package com.iduscore.mock.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.mock.domain.error.ApiException;
import com.iduscore.mock.domain.error.RefusalReason;
import com.iduscore.mock.validation.SubmissionSchemaValidator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The HTTP half of CONTRACT.md D4's checks on a POST body, in order: content type (415), size (413), JSON parse (400),
 * numbers a double cannot hold (400), canonical schema (400 with Zod-flatten details). What is left (partnerId, marker panel, idempotency) is the domain's.
 */
final class SubmissionBodyReader {

    /** Jackson's source excerpt in a location ("[Source: REDACTED (`StreamReadFeature...` disabled); line: 1, ...]"). */
    private static final Pattern SOURCE_EXCERPT = Pattern.compile("\\[Source: [^;\\]]*; (line: \\d+, column: \\d+)]");

    /** Jackson's pointer to its own setting ("(1000, from `StreamReadConstraints.getMaxNestingDepth()`)"). */
    private static final Pattern SETTING_NAME = Pattern.compile(",? ?(from )?`[A-Za-z]+\\.[^`]*`( disabled)?");

    /** 1 MiB; a larger body answers 413. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final SubmissionSchemaValidator validator;

    SubmissionBodyReader(SubmissionSchemaValidator validator) {
        this.validator = validator;
    }

    JsonNode read(IncomingRequest request) {
        requireJsonContentType(request.header("Content-Type"));
        byte[] body = request.body();
        if (body.length > MAX_BODY_BYTES || declaredLength(request) > MAX_BODY_BYTES) {
            throw new ApiException(RefusalReason.PAYLOAD_TOO_LARGE, "Request body exceeds the 1 MiB limit");
        }
        JsonNode parsed = parse(body);
        Map<String, List<String>> outOfRange = NumberRange.outOfRange(parsed, body);
        if (!outOfRange.isEmpty()) {
            // a bare number as the whole body has no field to name
            List<String> formErrors = outOfRange.containsKey("") ? List.of(NumberRange.OUT_OF_RANGE) : List.of();
            Map<String, List<String>> fieldErrors = new LinkedHashMap<>(outOfRange);
            fieldErrors.remove("");
            throw new ApiException(RefusalReason.VALIDATION_ERROR, "Invalid canonical Type A submission payload",
                    ErrorReplies.flatten(formErrors, fieldErrors));
        }
        SubmissionSchemaValidator.FieldErrors errors = validator.validate(parsed);
        if (!errors.isEmpty()) {
            throw new ApiException(RefusalReason.VALIDATION_ERROR, "Invalid canonical Type A submission payload",
                    ErrorReplies.flatten(errors.formErrors(), errors.fieldErrors()));
        }
        return parsed;
    }

    private static void requireJsonContentType(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ApiException(RefusalReason.UNSUPPORTED_MEDIA_TYPE,
                    contentType == null || contentType.isBlank()
                            ? "Content-Type application/json is required"
                            : "Content-Type must be application/json, not " + contentType);
        }
    }

    private static long declaredLength(IncomingRequest request) {
        String length = request.header("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The parser's problem without the Jackson class and setting names it quotes: a client needs none of them. */
    static String withoutJacksonNames(String problem) {
        return SETTING_NAME.matcher(SOURCE_EXCERPT.matcher(problem).replaceAll("$1")).replaceAll("");
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw ErrorReplies.malformedJson("Request body is empty");
        }
        try {
            JsonNode node = ApiJson.mapper().readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ErrorReplies.malformedJson("Request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String problem = withoutJacksonNames(ErrorReplies.firstLine(e.getOriginalMessage()));
            throw ErrorReplies.malformedJson(problem + where);
        } catch (IOException e) {
            throw ErrorReplies.malformedJson("Request body could not be read");
        }
    }
}
