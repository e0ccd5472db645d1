package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.api.InvalidVariant;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.checks.support.NegativeVariants;
import com.iduscore.contract.checks.support.Pipeline;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.openapi.OpenApiContract;
import com.iduscore.contract.openapi.SchemaValidator;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.util.LinkedHashSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * VAL: the canonical submission body (CONTRACT.md D11). Valid bodies are accepted (the positive controls the negative checks
 * build on); each named fixture variant gets its documented error; and one generated variant per rule of the
 * {@code CanonicalSubmissionV1} schema, derived from the pinned document (never a copy of it), gets
 * 400 VALIDATION_ERROR naming the field.
 */
@ConformanceTest
@Execution(ExecutionMode.CONCURRENT) // every check here is one independent request: let them overlap
class ValidationChecks {

    private static final String SUBMIT = "POST /v1/submissions";

    @Check(id = "VAL-01", rule = "CONTRACT.md D11; OpenAPI #/components/schemas/CanonicalSubmissionV1", title = "The complete fixture (every section, 14 markers) is accepted with 202", operation = SUBMIT)
    void the_complete_submission_is_accepted(Credential primary) {
        Pipeline.Accepted accepted = Pipeline.submit(primary, Fixtures.validSubmission(primary));

        assertThat(accepted.json().path("status").asText()).as("status of a new submission").isEqualTo("received");
    }

    @Check(id = "VAL-02", rule = "CONTRACT.md D11; OpenAPI #/components/schemas/CanonicalSubmissionV1", title = "The minimal fixture (only what the contract requires) is accepted with 202", operation = SUBMIT)
    void the_minimal_submission_is_accepted(Credential primary) {
        Pipeline.Accepted accepted = Pipeline.submit(primary, Fixtures.minimalSubmission(primary));

        assertThat(accepted.json().path("status").asText()).as("status of a new submission").isEqualTo("received");
    }

    @Check(id = "VAL-03", rule = "CONTRACT.md D11; OpenAPI #/components/schemas/CanonicalSubmissionV1", title = "A null on an optional field counts as absent: the body is accepted with 202", operation = SUBMIT)
    void null_on_optional_fields_counts_as_absent(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        body.putNull("questionnaire");
        body.putNull("clinicalExtensions");
        body.putNull("reportDocuments");
        ((ObjectNode) body.path("subject").path("measurements")).putNull("heightCm");
        ObjectNode smoking = (ObjectNode) body.path("subject").path("history").path("smoking");
        smoking.putNull("currentFrequency");
        smoking.putNull("currentCigsPerDay");
        ((ObjectNode) body.path("subject")).putNull("familyHistory");
        assertThat(SchemaValidator.shared().validate("CanonicalSubmissionV1", body))
                .as("the pinned schema (networknt, the mock's validator) accepts the body").isEmpty();

        Pipeline.Accepted accepted = Pipeline.submit(primary, body);

        assertThat(accepted.json().path("status").asText()).as("status of the new submission").isEqualTo("received");
    }

    @Check(id = "VAL-04", rule = "CONTRACT.md D11; OpenAPI #/components/schemas/CanonicalSubmissionV1", title = "-1 (not applicable) is accepted on the optional smoking numbers", operation = SUBMIT)
    void minus_one_is_accepted_on_optional_smoking_numbers(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        ObjectNode smoking = (ObjectNode) body.path("subject").path("history").path("smoking");
        smoking.put("pastCigsPerDay", -1);
        smoking.put("startAge", -1);
        smoking.put("stopAge", -1);

        Pipeline.Accepted accepted = Pipeline.submit(primary, body);

        assertThat(accepted.json().path("status").asText())
                .as("status of the 202 for a body with -1 on pastCigsPerDay, startAge and stopAge (CONTRACT.md D11 allows -1 there)")
                .isEqualTo("received");
        assertThat(Pipeline.submission(primary, accepted.submissionId()).path("submissionId").asText())
                .as("the accepted submission can be read back").isEqualTo(accepted.submissionId());
    }

    @Check(id = "VAL-05", rule = "CONTRACT.md D4 (400 VALIDATION_ERROR with correlationId); CONTRACT.md D11; CONTRACT.md O1", title = "A body with a schema error answers VALIDATION_ERROR with the request's correlationId",
            operation = SUBMIT)
    void a_schema_error_carries_the_correlation_id(Credential primary) {
        ObjectNode body = Fixtures.validSubmission(primary);
        body.remove("schemaVersion");
        String correlationId = Api.newCorrelationId();

        Response response = Api.givenInvalid(primary).contentType("application/json")
                .header("Idempotency-Key", Api.newIdempotencyKey()).header("x-correlation-id", correlationId)
                .body(Api.json(body)).post("/v1/submissions");

        JsonNode error = ErrorEnvelope.assertError(response, 400, "VALIDATION_ERROR");
        ErrorEnvelope.assertFieldError(error, "schemaVersion");
        assertThat(error.path("correlationId").asText()).as("error.correlationId").isEqualTo(correlationId);
    }

    /** VAL-FIX-name: every variant of fixtures/submissions/invalid/index.json gets its documented status, code and field. */
    @TestFactory
    Stream<DynamicTest> each_named_invalid_fixture_gets_its_documented_error(Target target) {
        Credential primary = target.primary();
        return Fixtures.invalidVariants().stream().map(variant -> Checks.dynamic(
                "VAL-FIX-" + variant.name(),
                "CONTRACT.md D11; CONTRACT.md D4 (status and code of fixtures/submissions/invalid/index.json); CONTRACT.md O1 (where the field is named)",
                variant.description() + " → " + variant.expectedStatus() + " " + variant.expectedCode(),
                SUBMIT,
                () -> assertVariant(primary, variant)));
    }

    /** VAL-GEN-path-kind: one variant per rule of CanonicalSubmissionV1, generated from the pinned document. */
    @TestFactory
    Stream<DynamicTest> each_rule_of_the_canonical_schema_is_enforced(Target target) {
        Credential primary = target.primary();
        JsonNode document = OpenApiContract.document();
        NegativeVariants generated = NegativeVariants.generate(document,
                document.at("/components/schemas/CanonicalSubmissionV1"), Fixtures.validSubmission(primary),
                body -> SchemaValidator.shared().validate("CanonicalSubmissionV1", body).stream()
                        .map(SchemaValidator.Violation::path).collect(Collectors.toCollection(LinkedHashSet::new)));
        return generated.variants().stream().map(variant -> Checks.dynamic(
                variant.id(),
                "OpenAPI #/components/schemas/CanonicalSubmissionV1" + (variant.path().isEmpty() ? "" : " at " + variant.path())
                        + "; CONTRACT.md D11; CONTRACT.md O1",
                variant.description() + " → 400 VALIDATION_ERROR naming " + (variant.path().isEmpty() ? "the key" : variant.path()),
                SUBMIT,
                () -> {
                    Response response = post(primary, variant.body());
                    JsonNode error = ErrorEnvelope.assertError(response, 400, "VALIDATION_ERROR");
                    ErrorEnvelope.assertFieldError(error, variant.acceptedFieldKeys().toArray(String[]::new));
                }));
    }

    static void assertVariant(Credential primary, InvalidVariant variant) {
        Response response = post(primary, variant.bodyFor(primary));
        JsonNode error = ErrorEnvelope.assertError(response, variant.expectedStatus(), variant.expectedCode());
        if (variant.field().isEmpty()) {
            return;
        }
        String field = variant.field().get();
        if ("SUBMISSION_VALIDATION_ERROR".equals(variant.expectedCode())) {
            ErrorEnvelope.assertPanelField(error, field);
        } else {
            ErrorEnvelope.assertFieldError(error, field);
        }
    }

    private static Response post(Credential credential, ObjectNode body) {
        return Api.givenInvalid(credential).contentType("application/json")
                .header("Idempotency-Key", Api.newIdempotencyKey())
                .header("x-correlation-id", Api.newCorrelationId())
                .body(Api.json(body))
                .post("/v1/submissions");
    }
}
