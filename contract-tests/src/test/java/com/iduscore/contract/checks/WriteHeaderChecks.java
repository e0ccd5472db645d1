package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.checks.support.Json;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.target.Credential;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HDR: what POST /v1/submissions checks before it reads the body (CONTRACT.md D4 order): both write headers present and non-empty
 * (400 VALIDATION_ERROR naming {@code headers.x-correlation-id} / {@code headers.idempotency-key}), a JSON content
 * type (415), at most 1 MiB (413), and parseable JSON (400).
 */
@ConformanceTest
class WriteHeaderChecks {

    private static final int ONE_MIB = 1024 * 1024;

    @Check(id = "HDR-01", rule = "CONTRACT.md D4 (write headers, 415, 413, malformed JSON; check order)", title = "POST /v1/submissions without x-correlation-id answers 400 naming headers.x-correlation-id",
            operation = "POST /v1/submissions")
    void a_submission_without_a_correlation_id_is_refused(Credential primary) {
        Response response = json(Api.givenInvalid(primary)).header("Idempotency-Key", Api.newIdempotencyKey())
                .body(validBody(primary)).post("/v1/submissions");

        ErrorEnvelope.assertFieldError(ErrorEnvelope.assertError(response, 400, "VALIDATION_ERROR"), "headers.x-correlation-id");
    }

    @Check(id = "HDR-02", rule = "CONTRACT.md D4 (write headers, 415, 413, malformed JSON; check order)", title = "POST /v1/submissions with an empty x-correlation-id answers 400 naming headers.x-correlation-id",
            operation = "POST /v1/submissions")
    void a_submission_with_an_empty_correlation_id_is_refused(Credential primary) {
        Response response = json(Api.givenInvalid(primary)).header("Idempotency-Key", Api.newIdempotencyKey())
                .header("x-correlation-id", "").body(validBody(primary)).post("/v1/submissions");

        ErrorEnvelope.assertFieldError(ErrorEnvelope.assertError(response, 400, "VALIDATION_ERROR"), "headers.x-correlation-id");
    }

    @Check(id = "HDR-03", rule = "CONTRACT.md D4 (write headers, 415, 413, malformed JSON; check order)", title = "POST /v1/submissions without Idempotency-Key answers 400 naming headers.idempotency-key",
            operation = "POST /v1/submissions")
    void a_submission_without_an_idempotency_key_is_refused(Credential primary) {
        Response response = json(Api.givenInvalid(primary)).header("x-correlation-id", Api.newCorrelationId())
                .body(validBody(primary)).post("/v1/submissions");

        ErrorEnvelope.assertFieldError(ErrorEnvelope.assertError(response, 400, "VALIDATION_ERROR"), "headers.idempotency-key");
    }

    @Check(id = "HDR-04", rule = "CONTRACT.md D4 (write headers, 415, 413, malformed JSON; check order)", title = "POST /v1/submissions with an empty Idempotency-Key answers 400 naming headers.idempotency-key",
            operation = "POST /v1/submissions")
    void a_submission_with_an_empty_idempotency_key_is_refused(Credential primary) {
        Response response = json(Api.givenInvalid(primary)).header("x-correlation-id", Api.newCorrelationId())
                .header("Idempotency-Key", "").body(validBody(primary)).post("/v1/submissions");

        ErrorEnvelope.assertFieldError(ErrorEnvelope.assertError(response, 400, "VALIDATION_ERROR"), "headers.idempotency-key");
    }

    @Check(id = "HDR-05", rule = "CONTRACT.md D4 (write headers, 415, 413, malformed JSON; check order)", title = "POST /v1/submissions without both write headers names both in fieldErrors",
            operation = "POST /v1/submissions")
    void a_submission_without_both_write_headers_names_both(Credential primary) {
        Response response = json(Api.givenInvalid(primary)).body(validBody(primary)).post("/v1/submissions");

        JsonNode error = ErrorEnvelope.assertError(response, 400, "VALIDATION_ERROR");
        ErrorEnvelope.assertFieldError(error, "headers.x-correlation-id");
        ErrorEnvelope.assertFieldError(error, "headers.idempotency-key");
    }

    @Check(id = "HDR-06", rule = "CONTRACT.md D4 (write headers, 415, 413, malformed JSON; check order)", title = "POST /v1/submissions with a non-JSON content type answers 415 UNSUPPORTED_MEDIA_TYPE",
            operation = "POST /v1/submissions")
    void a_submission_that_is_not_json_is_refused_with_415(Credential primary) {
        Response response = writeHeaders(Api.givenInvalid(primary)).contentType("text/plain")
                .body(validBody(primary)).post("/v1/submissions");

        ErrorEnvelope.assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Check(id = "HDR-07", rule = "CONTRACT.md D4 (write headers, 415, 413, malformed JSON; check order)", title = "POST /v1/submissions with a body over 1 MiB answers 413 PAYLOAD_TOO_LARGE",
            operation = "POST /v1/submissions")
    void a_submission_over_one_mebibyte_is_refused_with_413(Credential primary) {
        // a body that is valid in every other way: only its size is wrong (questionnaire is an open object)
        ObjectNode body = Fixtures.validSubmission(primary);
        body.putObject("questionnaire").put("padding", "x".repeat(ONE_MIB));
        byte[] bytes = Api.json(body).getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).as("size of the oversized body").isGreaterThan(ONE_MIB);

        Response response = json(writeHeaders(Api.givenInvalid(primary))).body(bytes).post("/v1/submissions");

        ErrorEnvelope.assertError(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Check(id = "HDR-08", rule = "CONTRACT.md D4 (write headers, 415, 413, malformed JSON; check order)", title = "POST /v1/submissions with malformed JSON answers 400 VALIDATION_ERROR, without a stack trace",
            operation = "POST /v1/submissions")
    void malformed_json_is_refused_with_400(Credential primary) {
        String truncated = validBody(primary).substring(0, 120);
        Response response = json(writeHeaders(Api.givenInvalid(primary))).body(truncated).post("/v1/submissions");

        ErrorEnvelope.assertError(response, 400, "VALIDATION_ERROR");
    }

    @Check(id = "HDR-09", rule = "CONTRACT.md D4 (write headers, 415, 413, malformed JSON; check order)", title = "The write headers are checked before the content type: no Idempotency-Key and text/plain answers 400",
            operation = "POST /v1/submissions")
    void write_headers_are_checked_before_the_content_type(Credential primary) {
        Response response = Api.givenInvalid(primary).header("x-correlation-id", Api.newCorrelationId())
                .contentType("text/plain").body("not json").post("/v1/submissions");

        ErrorEnvelope.assertFieldError(ErrorEnvelope.assertError(response, 400, "VALIDATION_ERROR"), "headers.idempotency-key");
    }

    @Check(id = "HDR-10", rule = "CONTRACT.md D4 (write headers, 415, 413, malformed JSON; check order)", title = "The content type is checked before the body is parsed: text/plain with malformed JSON answers 415",
            operation = "POST /v1/submissions")
    void the_content_type_is_checked_before_the_body_is_parsed(Credential primary) {
        Response response = writeHeaders(Api.givenInvalid(primary)).contentType("text/plain").body("{not json")
                .post("/v1/submissions");

        ErrorEnvelope.assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Check(id = "HDR-11", rule = "CONTRACT.md D4 (415 only for a non-JSON type); CONTRACT.md O12", title = "application/json with a charset parameter is JSON: the submission is accepted with 202",
            operation = "POST /v1/submissions")
    void json_with_a_charset_parameter_is_accepted(Credential primary) {
        Response response = writeHeaders(Api.given(primary)).contentType("application/json; charset=utf-8")
                .body(validBody(primary).getBytes(StandardCharsets.UTF_8)).post("/v1/submissions");

        assertThat(response.statusCode()).as("status; body: %s", response.asString()).isEqualTo(202);
        assertThat(Json.body(response).path("submissionId").asText()).as("submissionId of the 202").isNotBlank();
    }

    private static String validBody(Credential primary) {
        return Api.json(Fixtures.validSubmission(primary));
    }

    private static RequestSpecification json(RequestSpecification request) {
        return request.contentType(ContentType.JSON);
    }

    private static RequestSpecification writeHeaders(RequestSpecification request) {
        return request.header("Idempotency-Key", Api.newIdempotencyKey()).header("x-correlation-id", Api.newCorrelationId());
    }
}
