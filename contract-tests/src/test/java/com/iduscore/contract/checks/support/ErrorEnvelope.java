package com.iduscore.contract.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CONTRACT.md D4 error envelope, asserted: {@code {"error":{"code","message","requestId","correlationId"?,"details"?}}}, no
 * other field at either level, {@code requestId} equal to the {@code x-request-id} response header, no stack trace.
 */
public final class ErrorEnvelope {

    private static final Set<String> ERROR_FIELDS = Set.of("code", "message", "requestId", "correlationId", "details");

    private ErrorEnvelope() {
    }

    /**
     * Asserts the status, the code and the envelope's shape.
     *
     * @return the {@code error} object, for further assertions
     */
    public static JsonNode assertError(Response response, int status, String code) {
        assertThat(response.statusCode()).as("HTTP status (expected %d %s); body: %s", status, code, response.asString())
                .isEqualTo(status);
        JsonNode error = assertEnvelope(response);
        assertThat(error.path("code").asText()).as("error.code; body: %s", response.asString()).isEqualTo(code);
        return error;
    }

    /** Asserts the shape of any error envelope, whatever the code; returns the {@code error} object. */
    public static JsonNode assertEnvelope(Response response) {
        assertThat(response.contentType()).as("content type of an error response").startsWith("application/json");
        JsonNode body = Json.body(response);
        assertThat(Json.fieldNames(body)).as("top-level fields of the error envelope: %s", body).containsExactly("error");
        JsonNode error = body.get("error");
        assertThat(error.isObject()).as("error is an object: %s", body).isTrue();
        assertThat(Json.fieldNames(error)).as("fields of error (only code, message, requestId, correlationId, details)")
                .contains("code", "message", "requestId").isSubsetOf(ERROR_FIELDS);
        assertThat(error.get("code").isTextual() && !error.get("code").asText().isBlank()).as("error.code is a non-empty string: %s", body).isTrue();
        assertThat(error.get("message").isTextual() && !error.get("message").asText().isBlank()).as("error.message is a non-empty string: %s", body).isTrue();
        assertThat(error.get("requestId").isTextual()).as("error.requestId is a string: %s", body).isTrue();
        String header = response.header("x-request-id");
        assertThat(header).as("x-request-id response header").isNotBlank();
        assertThat(error.get("requestId").asText()).as("error.requestId equals the x-request-id header").isEqualTo(header);
        assertThat(response.asString()).as("error body carries no stack trace")
                .doesNotContain("\tat ").doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b[:\\s]");
        return error;
    }

    /** The {@code details.fieldErrors} of a VALIDATION_ERROR; asserts its Zod-flatten shape. */
    public static JsonNode fieldErrors(JsonNode error) {
        JsonNode details = error.path("details");
        assertThat(details.isObject()).as("VALIDATION_ERROR details is an object {formErrors, fieldErrors}: %s", error).isTrue();
        assertThat(details.path("formErrors").isArray()).as("details.formErrors is an array: %s", error).isTrue();
        JsonNode fieldErrors = details.path("fieldErrors");
        assertThat(fieldErrors.isObject()).as("details.fieldErrors is an object: %s", error).isTrue();
        fieldErrors.properties().forEach(e -> assertThat(e.getValue().isArray() && !e.getValue().isEmpty()
                        && allNonBlankText(e.getValue()))
                .as("fieldErrors.%s is a non-empty array of messages: %s", e.getKey(), e.getValue()).isTrue());
        return fieldErrors;
    }

    /**
     * Asserts that the VALIDATION_ERROR names one of {@code keys} (array indexes as {@code .0} or {@code [0]}), in any of
     * the readings CONTRACT.md O1 allows: a {@code fieldErrors} key that is the path itself, its parent path, or a more
     * precise path under it; or a {@code formErrors} message that quotes the key (Zod's {@code flatten()} reports an
     * unknown top-level key as {@code Unrecognized key(s) in object: 'notes'}).
     */
    public static void assertFieldError(JsonNode error, String... keys) {
        JsonNode fieldErrors = fieldErrors(error);
        java.util.List<String> named = Json.fieldNames(fieldErrors).stream().map(ErrorEnvelope::normalise).toList();
        java.util.List<String> formErrors = Json.texts(error.path("details").path("formErrors"));
        for (String key : keys) {
            String wanted = normalise(key);
            if (named.stream().anyMatch(n -> namesPath(n, wanted))
                    || formErrors.stream().anyMatch(m -> quotes(m, wanted))) {
                return;
            }
        }
        throw new AssertionError("expected the VALIDATION_ERROR to name " + String.join(" or ", keys)
                + " (as a fieldErrors key: the path, its parent or a path under it; or quoted in a formErrors message;"
                + " CONTRACT.md O1), but fieldErrors names " + named + " and formErrors says " + formErrors
                + ". Likely cause: the deployment did not check that field, or reported another one. Error: " + error);
    }

    /**
     * Asserts that a SUBMISSION_VALIDATION_ERROR's {@code details[].field} names one of {@code fields}, as the path
     * itself, its parent path or a more precise path under it ({@code markers.ALT} for {@code markers}; CONTRACT.md O1).
     */
    public static void assertPanelField(JsonNode error, String... fields) {
        java.util.List<String> named = panelFields(error).stream().map(ErrorEnvelope::normalise).toList();
        for (String field : fields) {
            String wanted = normalise(field);
            if (named.stream().anyMatch(n -> namesPath(n, wanted))) {
                return;
            }
        }
        throw new AssertionError("expected details[].field of the SUBMISSION_VALIDATION_ERROR to name "
                + String.join(" or ", fields) + " (the path, its parent or a path under it; CONTRACT.md O1), but it names "
                + named + ". Likely cause: the panel check did not run, or reported another marker. Error: " + error);
    }

    /** {@code named} names {@code wanted}: the same path, its direct parent, or a path under it. */
    static boolean namesPath(String named, String wanted) {
        if (named.equals(wanted) || named.startsWith(wanted + ".")) {
            return true;
        }
        int dot = wanted.lastIndexOf('.');
        return dot > 0 && named.equals(wanted.substring(0, dot));
    }

    /** A formErrors message names {@code path}: it quotes its last segment or contains the whole path. */
    static boolean quotes(String message, String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return message.contains("'" + last + "'") || message.contains("\"" + last + "\"") || message.contains("`" + last + "`")
                || (path.contains(".") && message.contains(path));
    }

    /** The {@code details} array of a SUBMISSION_VALIDATION_ERROR; asserts each entry is {@code {field, message}}. */
    public static JsonNode panelDetails(JsonNode error) {
        JsonNode details = error.path("details");
        assertThat(details.isArray() && !details.isEmpty())
                .as("SUBMISSION_VALIDATION_ERROR details is a non-empty array of {field, message}: %s", error).isTrue();
        details.forEach(d -> assertThat(d.path("field").isTextual() && !d.path("field").asText().isBlank()
                        && d.path("message").isTextual() && !d.path("message").asText().isBlank())
                .as("each details entry has a non-empty field and message: %s", d).isTrue());
        return details;
    }

    /** The {@code field} of each entry of a SUBMISSION_VALIDATION_ERROR's details, asserting the shape first. */
    public static java.util.List<String> panelFields(JsonNode error) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        panelDetails(error).forEach(d -> fields.add(d.path("field").asText()));
        return fields;
    }

    private static boolean allNonBlankText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual() || item.asText().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String key) {
        return key.replaceAll("\\[(\\d+)]", ".$1");
    }
}
