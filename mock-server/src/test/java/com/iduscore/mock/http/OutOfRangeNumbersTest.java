package com.iduscore.mock.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.iduscore.mock.http.Fixtures.DEMO_A1_KEY;
import static org.hamcrest.Matchers.equalTo;

/**
 * A number in a body that a double cannot hold (overflow to infinity, underflow to zero) or an integer beyond a long
 * answers 400 {@code VALIDATION_ERROR} naming the field, not 500: Jackson reads them without complaint into values
 * that were never sent.
 */
@ExtendWith(RunningMock.class)
class OutOfRangeNumbersTest {
    private static final String PLACEHOLDER = "\"__number__\"";

    @ParameterizedTest(name = "ageYears {0}")
    @ValueSource(strings = {"1e400", "-1e400", "1e-400", "1234567890123456789012345678901234567890"})
    void an_age_a_double_cannot_hold_answers_400_naming_the_field(String number) {
        ObjectNode body = Fixtures.completeSubmission();
        ((ObjectNode) body.path("subject").path("demographics")).put("ageYears", "__number__");

        Partner.submitInvalid(DEMO_A1_KEY, "range-age-" + number.hashCode(), withNumber(body, number)).then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fieldErrors.'subject.demographics.ageYears'", equalTo(List.of("Number is out of range")));
    }

    @ParameterizedTest(name = "markers.0.value {0}")
    @ValueSource(strings = {"1e400", "-1e400", "1e-400", "-1E-400", "0.1e-399"})
    void a_marker_value_a_double_cannot_hold_answers_400_naming_the_marker(String number) {
        ObjectNode body = Fixtures.completeSubmission();
        ((ObjectNode) body.withArray("markers").get(0)).put("value", "__number__");

        Partner.submitInvalid(DEMO_A1_KEY, "range-marker-" + number.hashCode(), withNumber(body, number)).then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fieldErrors.'markers.0.value'", equalTo(List.of("Number is out of range")));
    }

    @Test
    void an_exact_zero_written_with_an_exponent_is_not_out_of_range() {
        ObjectNode body = Fixtures.completeSubmission();
        ((ObjectNode) body.withArray("markers").get(0)).put("value", "__number__");

        Partner.submitInvalid(DEMO_A1_KEY, "range-zero", withNumber(body, "0e-400")).then()
                .statusCode(202);
    }

    private static byte[] withNumber(ObjectNode body, String number) {
        return body.toString().replace(PLACEHOLDER, number).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
