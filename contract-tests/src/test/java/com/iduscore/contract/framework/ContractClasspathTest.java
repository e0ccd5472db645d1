package com.iduscore.contract.framework;

import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.openapi.OpenApiValidationFilter;
import com.iduscore.contract.target.Credential;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the suite's classpath: openapi-diff brings an older swagger-parser that misreads the 3.1 document, which once
 * made the validation filter refuse every valid submission. The contract module's own tests cannot see this.
 */
class ContractClasspathTest {

    private static final Credential PRIMARY = new Credential("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a", "idu_demo_a1");

    @Test
    void the_validation_filter_accepts_the_valid_fixtures_and_a_conforming_202() {
        for (var body : List.of(Fixtures.validSubmission(PRIMARY), Fixtures.minimalSubmission(PRIMARY))) {
            List<String> violations = OpenApiValidationFilter.violations("POST", "/v1/submissions",
                    Map.of("Content-Type", List.of("application/json"), "X-Api-Key", List.of("idu_demo_a1"),
                            "Idempotency-Key", List.of(UUID.randomUUID().toString()), "x-correlation-id", List.of("ct-1")),
                    Api.json(body).getBytes(StandardCharsets.UTF_8), 202,
                    Map.of("Content-Type", List.of("application/json"), "x-request-id", List.of("r-1")),
                    accepted(body.path("partnerSubmissionId").asText()), true);

            assertThat(violations).as("violations of %s", body.path("partnerSubmissionId").asText()).isEmpty();
        }
    }

    @Test
    void the_validation_filter_still_refuses_a_body_that_breaks_the_schema() {
        var body = Fixtures.validSubmission(PRIMARY);
        body.put("notes", "not in the schema");

        List<String> violations = OpenApiValidationFilter.violations("POST", "/v1/submissions",
                Map.of("Content-Type", List.of("application/json"), "X-Api-Key", List.of("idu_demo_a1"),
                        "Idempotency-Key", List.of("k"), "x-correlation-id", List.of("ct-1")),
                Api.json(body).getBytes(StandardCharsets.UTF_8), 202,
                Map.of("Content-Type", List.of("application/json"), "x-request-id", List.of("r-1")),
                accepted("x"), true);

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("notes"));
    }

    private static byte[] accepted(String partnerSubmissionId) {
        return ("{\"submissionId\":\"" + UUID.randomUUID() + "\",\"jobId\":\"" + UUID.randomUUID()
                + "\",\"partnerSubmissionId\":\"" + partnerSubmissionId + "\",\"status\":\"received\",\"statusLabel\":\"Received\","
                + "\"correlationId\":\"ct-1\",\"createdAt\":\"2026-04-27T10:00:00.000Z\"}").getBytes(StandardCharsets.UTF_8);
    }
}
