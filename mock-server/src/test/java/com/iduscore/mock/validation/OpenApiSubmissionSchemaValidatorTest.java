package com.iduscore.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.mock.validation.SubmissionSchemaValidator.FieldErrors;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiSubmissionSchemaValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SubmissionSchemaValidator VALIDATOR = new OpenApiSubmissionSchemaValidator();

    private static JsonNode fixture(String path) {
        try (InputStream in = OpenApiSubmissionSchemaValidatorTest.class.getClassLoader()
                .getResourceAsStream("fixtures/submissions/" + path)) {
            assertThat(in).as("classpath fixture fixtures/submissions/%s", path).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode complete() {
        return (ObjectNode) fixture("valid/complete.json");
    }

    /** Variants of {@code invalid/index.json} whose expected code is one of {@code codes}. */
    private static Stream<Arguments> variants(List<String> codes) {
        List<Arguments> arguments = new ArrayList<>();
        for (JsonNode variant : fixture("invalid/index.json").path("variants")) {
            JsonNode expect = variant.path("expect");
            if (codes.contains(expect.path("code").asText())) {
                JsonNode field = expect.path("field");
                arguments.add(Arguments.of(Named.of(variant.path("name").asText(),
                                fixture("invalid/" + variant.path("file").asText())),
                        field.isNull() || field.isMissingNode() ? null : field.asText()));
            }
        }
        assertThat(arguments).as("variants with codes %s in invalid/index.json", codes).isNotEmpty();
        return arguments.stream();
    }

    static Stream<Arguments> schemaVariants() {
        return variants(List.of("VALIDATION_ERROR"));
    }

    static Stream<Arguments> variantsTheSchemaAccepts() {
        return variants(List.of("SUBMISSION_VALIDATION_ERROR", "PARTNER_ID_MISMATCH"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid/complete.json", "valid/minimal.json"})
    void accepts_the_valid_fixtures(String file) {
        assertThat(VALIDATOR.validate(fixture(file)).isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("schemaVariants")
    void reports_each_schema_variant_under_its_expected_field(JsonNode body, String field) {
        FieldErrors errors = VALIDATOR.validate(body);

        if (field == null) {
            assertThat(errors.formErrors()).isNotEmpty();
        } else {
            assertThat(errors.fieldErrors()).containsKey(field);
            assertThat(errors.fieldErrors().get(field)).isNotEmpty().allSatisfy(message -> assertThat(message)
                    .isNotBlank().doesNotContain("{1}", "{2}", "$."));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variantsTheSchemaAccepts")
    void leaves_marker_panel_and_partner_checks_to_later_steps(JsonNode body, String field) {
        assertThat(VALIDATOR.validate(body).isEmpty()).isTrue();
    }

    @Test
    void says_required_for_a_missing_field() {
        ObjectNode body = complete();
        ((ObjectNode) body.path("subject").path("demographics")).remove("sexAtBirth");

        assertThat(VALIDATOR.validate(body))
                .isEqualTo(new FieldErrors(List.of(), Map.of("subject.demographics.sexAtBirth", List.of("Required"))));
    }

    @Test
    void names_the_expected_and_received_types() {
        ObjectNode body = complete();
        body.putNull("partnerSubjectId");
        body.put("partnerSubmissionId", 42);

        FieldErrors errors = VALIDATOR.validate(body);

        assertThat(errors.fieldErrors().get("partnerSubjectId")).containsExactly("Expected string, received null");
        assertThat(errors.fieldErrors().get("partnerSubmissionId")).containsExactly("Expected string, received number");
    }

    @Test
    void says_integer_expected_for_a_fractional_age() {
        ObjectNode body = complete();
        ((ObjectNode) body.path("subject").path("demographics")).put("ageYears", 41.5);

        assertThat(VALIDATOR.validate(body).fieldErrors().get("subject.demographics.ageYears"))
                .contains("Expected integer, received float");
    }

    @Test
    void quotes_the_bound_a_number_breaks() {
        ObjectNode body = complete();
        ((ObjectNode) body.path("subject").path("demographics")).put("ageYears", 121);
        ((ObjectNode) body.path("subject").path("measurements")).put("weightKg", 301.5);

        FieldErrors errors = VALIDATOR.validate(body);

        assertThat(errors.fieldErrors().get("subject.demographics.ageYears"))
                .containsExactly("Number must be less than or equal to 120");
        assertThat(errors.fieldErrors().get("subject.measurements.weightKg"))
                .containsExactly("Number must be less than or equal to 300");
    }

    @Test
    void reports_an_unknown_key_under_its_own_path() {
        ObjectNode body = complete();
        body.put("foo", 1);

        assertThat(VALIDATOR.validate(body).fieldErrors()).containsEntry("foo", List.of("Unrecognized key: 'foo'"));
    }

    @Test
    void words_formats_literals_lengths_and_sizes_like_zod() {
        ObjectNode body = complete();
        body.put("partnerId", "partner-demo-a");
        body.put("schemaVersion", "canonical_submission_v2");
        body.put("partnerSubmissionId", "x".repeat(513));
        ((ObjectNode) body.path("sourceMetadata")).put("sourceTimestamp", "20/04/2026 09:00");
        ArrayNode outcomes = ((ObjectNode) body.path("options")).putArray("requestedOutcomes");
        for (int i = 0; i < 9; i++) {
            outcomes.add("wellbeing.cardiovascular");
        }

        FieldErrors errors = VALIDATOR.validate(body);

        assertThat(errors.fieldErrors())
                .containsEntry("partnerId", List.of("Invalid uuid"))
                .containsEntry("schemaVersion", List.of("Invalid literal value, expected \"canonical_submission_v1\""))
                .containsEntry("partnerSubmissionId", List.of("String must contain at most 512 character(s)"))
                .containsEntry("sourceMetadata.sourceTimestamp", List.of("Invalid datetime"))
                .containsEntry("options.requestedOutcomes", List.of("Array must contain at most 8 element(s)"));
        assertThat(errors.formErrors()).isEmpty();
    }

    @Test
    void lists_the_allowed_values_of_an_enum() {
        ObjectNode body = complete();
        ((ObjectNode) body.path("subject").path("demographics")).put("sexAtBirth", "other");

        assertThat(VALIDATOR.validate(body).fieldErrors().get("subject.demographics.sexAtBirth"))
                .containsExactly("Invalid enum value. Expected 'male' | 'female', received 'other'");
    }

    @Test
    void reports_too_many_clinical_extension_keys() {
        ObjectNode body = complete();
        ObjectNode extensions = body.putObject("clinicalExtensions");
        for (int i = 0; i < 65; i++) {
            extensions.put("k" + i, i);
        }

        assertThat(VALIDATOR.validate(body).fieldErrors().get("clinicalExtensions"))
                .containsExactly("Object must contain at most 64 key(s)");
    }

    @Test
    void puts_problems_with_the_whole_body_in_form_errors() throws IOException {
        FieldErrors errors = VALIDATOR.validate(JSON.readTree("[1, 2]"));

        assertThat(errors.formErrors()).containsExactly("Expected object, received array");
        assertThat(errors.fieldErrors()).isEmpty();
    }

    @Test
    void leaves_out_a_combinator_failure_explained_by_its_branches() {
        ObjectNode body = complete();
        ((ObjectNode) body.path("subject").path("demographics")).remove(List.of("ageYears", "birthYear"));

        FieldErrors errors = VALIDATOR.validate(body);

        assertThat(errors.fieldErrors()).containsOnlyKeys("subject.demographics.ageYears", "subject.demographics.birthYear");
        assertThat(errors.formErrors()).isEmpty();
    }

    @Test
    void reports_every_problem_of_one_body() {
        ObjectNode body = complete();
        body.remove("schemaVersion");
        body.put("notes", "x");
        ((ObjectNode) body.path("subject").path("demographics")).put("ageYears", -3);

        assertThat(VALIDATOR.validate(body).fieldErrors())
                .containsEntry("schemaVersion", List.of("Required"))
                .containsEntry("notes", List.of("Unrecognized key: 'notes'"))
                .containsEntry("subject.demographics.ageYears", List.of("Number must be greater than or equal to 0"));
    }

    @Test
    void serialises_as_exactly_form_errors_and_field_errors() throws IOException {
        ObjectNode body = complete();
        body.remove("schemaVersion");

        JsonNode details = JSON.valueToTree(VALIDATOR.validate(body));

        assertThat(details).isEqualTo(JSON.readTree("""
                {"formErrors": [], "fieldErrors": {"schemaVersion": ["Required"]}}"""));
    }
}
