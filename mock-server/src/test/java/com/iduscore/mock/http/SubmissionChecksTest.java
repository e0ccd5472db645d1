package com.iduscore.mock.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static com.iduscore.mock.http.Fixtures.DEMO_A2_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** POST /v1/submissions: each check of CONTRACT.md D4, in its order, and every named invalid fixture. */
@ExtendWith(RunningMock.class)
class SubmissionChecksTest {

    @Test
    void accepts_the_complete_fixture_with_202_and_the_acceptance_body() {
        Partner.write(DEMO_A1_KEY, "checks-accept-1").body(Fixtures.completeSubmission().toString())
                .post("/v1/submissions").then()
                .statusCode(202)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .body("submissionId", notNullValue())
                .body("jobId", notNullValue())
                .body("partnerSubmissionId", equalTo("hy-sub-0001"))
                .body("status", equalTo("received"))
                .body("statusLabel", equalTo("Received"))
                .body("correlationId", equalTo("corr-checks-accept-1"));
    }

    @Test
    void a_missing_or_empty_correlation_id_answers_400_naming_the_header() {
        Partner.invalid(DEMO_A1_KEY).header("Idempotency-Key", "k1").contentType(ContentType.JSON)
                .body(Fixtures.completeSubmission().toString()).post("/v1/submissions").then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fieldErrors", hasKey("headers.x-correlation-id"))
                .body("error.details.fieldErrors", not(hasKey("headers.idempotency-key")));
        Partner.invalid(DEMO_A1_KEY).header("Idempotency-Key", "k1").header("x-correlation-id", "")
                .contentType(ContentType.JSON).body(Fixtures.completeSubmission().toString())
                .post("/v1/submissions").then()
                .statusCode(400)
                .body("error.details.fieldErrors", hasKey("headers.x-correlation-id"));
    }

    @Test
    void a_missing_or_empty_idempotency_key_answers_400_naming_the_header() {
        Partner.invalid(DEMO_A1_KEY).header("x-correlation-id", "c1").contentType(ContentType.JSON)
                .body(Fixtures.completeSubmission().toString()).post("/v1/submissions").then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.correlationId", equalTo("c1"))
                .body("error.details.fieldErrors", hasKey("headers.idempotency-key"))
                .body("error.details.fieldErrors", not(hasKey("headers.x-correlation-id")));
        Partner.invalid(DEMO_A1_KEY).header("x-correlation-id", "c1").header("Idempotency-Key", "")
                .contentType(ContentType.JSON).body(Fixtures.completeSubmission().toString())
                .post("/v1/submissions").then()
                .statusCode(400)
                .body("error.details.fieldErrors", hasKey("headers.idempotency-key"));
    }

    @Test
    void the_key_is_checked_before_the_write_headers() {
        Partner.anonymous().contentType(ContentType.TEXT).body("nonsense").post("/v1/submissions").then().statusCode(401);
    }

    @Test
    void the_write_headers_are_checked_before_the_content_type() {
        Partner.invalid(DEMO_A1_KEY).contentType(ContentType.TEXT).body("nonsense").post("/v1/submissions").then()
                .statusCode(400)
                .body("error.details.fieldErrors", hasKey("headers.idempotency-key"));
    }

    @Test
    void a_body_that_is_not_declared_json_answers_415_unsupported_media_type() {
        Partner.write(DEMO_A1_KEY, "checks-415").filter(ContractValidation.invalidRequest()).contentType(ContentType.TEXT)
                .body(Fixtures.completeSubmission().toString()).post("/v1/submissions").then()
                .statusCode(415)
                .body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("error.correlationId", equalTo("corr-checks-415"));
    }

    @Test
    void a_json_content_type_with_a_charset_is_json() {
        Partner.write(DEMO_A1_KEY, "checks-charset").contentType("application/json; charset=utf-8")
                .body(Fixtures.completeSubmission().toString()).post("/v1/submissions").then()
                .statusCode(202);
    }

    @Test
    void a_body_over_one_mebibyte_answers_413_payload_too_large() {
        Partner.write(DEMO_A1_KEY, "checks-413").filter(ContractValidation.invalidRequest()).body(jsonOfExactly(1024 * 1024 + 1)).post("/v1/submissions").then()
                .statusCode(413)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void a_body_of_exactly_one_mebibyte_passes_the_size_check() {
        Partner.write(DEMO_A1_KEY, "checks-1mib").filter(ContractValidation.invalidRequest()).body(jsonOfExactly(1024 * 1024)).post("/v1/submissions").then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void malformed_json_answers_400_validation_error_saying_where() {
        Response response = Partner.write(DEMO_A1_KEY, "checks-malformed").filter(ContractValidation.invalidRequest()).body("{\"schemaVersion\": ")
                .post("/v1/submissions");

        response.then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.message", equalTo("Malformed JSON body"));
        List<String> formErrors = response.path("error.details.formErrors");
        assertThat(formErrors).singleElement().asString().contains("line 1");
    }

    @Test
    void a_json_document_that_is_not_an_object_fails_the_schema() {
        Partner.write(DEMO_A1_KEY, "checks-array").filter(ContractValidation.invalidRequest()).body("[]").post("/v1/submissions").then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.iduscore.mock.http.Fixtures#invalidVariants")
    void each_invalid_fixture_answers_its_expected_status_code_and_field(Fixtures.InvalidVariant variant) {
        Response response = Partner.submitInvalid(DEMO_A1_KEY, "invalid-" + variant.name(), variant.body());

        response.then().statusCode(variant.status()).body("error.code", equalTo(variant.code()));
        if (variant.field() == null) {
            return;
        }
        if (variant.code().equals("VALIDATION_ERROR")) {
            Map<String, List<String>> fieldErrors = response.path("error.details.fieldErrors");
            assertThat(fieldErrors).as("fieldErrors of %s", variant.name()).containsKey(variant.field());
        } else {
            List<String> fields = response.path("error.details.field");
            assertThat(fields).as("details[].field of %s", variant.name()).contains(variant.field());
        }
    }

    @Test
    void a_partner_id_of_another_credential_answers_403_partner_id_mismatch() {
        ObjectNode body = Fixtures.completeSubmission();   // partnerId of demo-a's first credential

        Partner.submit(DEMO_A2_KEY, body).then()
                .statusCode(403)
                .body("error.code", equalTo("PARTNER_ID_MISMATCH"));
    }

    /** A syntactically valid JSON object of exactly {@code size} bytes that fails the schema. */
    private static byte[] jsonOfExactly(int size) {
        String head = "{\"pad\":\"";
        String tail = "\"}";
        String json = head + "x".repeat(size - head.length() - tail.length()) + tail;
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(size);
        return bytes;
    }
}
