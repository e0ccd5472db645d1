package com.iduscore.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.iduscore.contract.openapi.SchemaValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages a contract supplies through {@code x-error-message} replace the generated wording; a tiny contract here. */
class ContractSuppliedMessagesTest {
    private static final String CONTRACT = """
            openapi: 3.1.0
            info: {title: tiny, version: '1', license: {name: Proprietary, identifier: LicenseRef-Proprietary}}
            paths: {}
            components:
              schemas:
                CanonicalSubmissionV1:
                  type: object
                  additionalProperties: false
                  required: [code]
                  properties:
                    code:
                      type: string
                      x-error-message:
                        type: code must be a text code
                    count:
                      $ref: '#/components/schemas/Count'
                  x-error-message:
                    required: code is needed on every submission
                Count:
                  type: integer
                  minimum: 2
            """;

    private final OpenApiSubmissionSchemaValidator validator;
    private final ObjectMapper json = new ObjectMapper();

    ContractSuppliedMessagesTest() throws IOException {
        JsonNode document = new YAMLMapper().readTree(CONTRACT);
        validator = new OpenApiSubmissionSchemaValidator(new SchemaValidator(document), document);
    }

    @Test
    void uses_the_contracts_message_for_a_missing_field() throws IOException {
        assertThat(validator.validate(json.readTree("{}")).fieldErrors())
                .containsExactlyEntriesOf(Map.of("code", List.of("code is needed on every submission")));
    }

    @Test
    void uses_the_contracts_message_for_a_wrong_type() throws IOException {
        assertThat(validator.validate(json.readTree("{\"code\": 7}")).fieldErrors().get("code"))
                .containsExactly("code must be a text code");
    }

    @Test
    void words_the_rest_itself_reading_bounds_through_refs() throws IOException {
        assertThat(validator.validate(json.readTree("{\"code\": \"a\", \"count\": 1}")).fieldErrors().get("count"))
                .containsExactly("Number must be greater than or equal to 2");
    }
}
