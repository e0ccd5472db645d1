package com.iduscore.mock.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.mock.domain.MockControl;
import com.iduscore.mock.domain.PartnerApi;
import com.iduscore.mock.domain.view.ArtifactFile;
import com.iduscore.mock.domain.view.ClockView;
import com.iduscore.mock.domain.view.DeliveryView;
import com.iduscore.mock.domain.view.SettleReport;
import com.iduscore.mock.domain.view.JobView;
import com.iduscore.mock.domain.view.ResultView;
import com.iduscore.mock.domain.view.SubmissionView;
import com.iduscore.mock.http.ContractValidation;
import com.iduscore.mock.http.OpenApiDocuments;
import com.iduscore.mock.validation.SubmissionSchemaValidator;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A failure the domain did not foresee answers 500 {@code INTERNAL_ERROR} in the envelope, never a stack trace.
 * The domain here is a stand-in that authenticates any key and fails every read: the real one has no such failure
 * to provoke on purpose.
 */
class UnhandledFailureTest {
    private static IduScoreMockServer mock;

    @BeforeAll
    static void serveAFailingDomain() {
        ContractValidation.registerOnce();
        FailingDomain domain = new FailingDomain();
        mock = IduScoreMockServer.start(MockServerConfig.defaults().withPort(0),
                new Backend(domain, domain, body -> new SubmissionSchemaValidator.FieldErrors(List.of(), Map.of()),
                        OpenApiDocuments.of("{}".getBytes(), "{}".getBytes()), List.of("failing"), () -> { }, () -> { }));
        RestAssured.baseURI = "http://127.0.0.1";
    }

    @AfterAll
    static void stop() {
        mock.stop();
    }

    @Test
    void an_unforeseen_failure_answers_500_internal_error_without_a_stack_trace() {
        RestAssured.port = mock.port();

        Response response = given().header("X-Api-Key", "any").header("x-request-id", "req-500")
                .header("x-correlation-id", "corr-500")
                .get("/v1/submissions/" + UUID.randomUUID());

        response.then().statusCode(500)
                .contentType("application/json")
                .header("x-request-id", "req-500")
                .body("error.code", equalTo("INTERNAL_ERROR"))
                .body("error.requestId", equalTo("req-500"))
                .body("error.correlationId", equalTo("corr-500"));
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("disk on fire");
    }

    /** Authenticates every key; every read and write fails as an unforeseen bug would. */
    private static final class FailingDomain implements PartnerApi, MockControl {
        @Override
        public Caller authenticate(String apiKey) {
            return new Caller("failing", UUID.randomUUID(), null);
        }

        @Override
        public Submitted submit(Caller caller, String idempotencyKey, String correlationId,
                                com.iduscore.mock.domain.submission.SubmissionRequest body) {
            throw new IllegalStateException("disk on fire");
        }

        @Override
        public SubmissionView submission(Caller caller, UUID submissionId) {
            throw new IllegalStateException("disk on fire");
        }

        @Override
        public JobView job(Caller caller, UUID jobId) {
            throw new IllegalStateException("disk on fire");
        }

        @Override
        public ResultView result(Caller caller, UUID resultId, com.iduscore.mock.domain.artifact.DownloadLinks links) {
            throw new IllegalStateException("disk on fire");
        }

        @Override
        public ArtifactFile download(UUID artifactId, long expiresEpochSeconds, String signature) {
            throw new IllegalStateException("disk on fire");
        }

        @Override
        public void reset() {
        }

        @Override
        public Instant now() {
            return Instant.parse("2026-04-20T09:00:00Z");
        }

        @Override
        public ClockView clock() {
            return new ClockView(now(), "real", 0);
        }

        @Override
        public Instant advance(Duration by) {
            throw new IllegalStateException("disk on fire");
        }

        @Override
        public SettleReport settle() {
            throw new IllegalStateException("disk on fire");
        }

        @Override
        public List<DeliveryView> deliveries() {
            return List.of();
        }

        @Override
        public String exportState() {
            return "{}";
        }

        @Override
        public void importState(String snapshotJson) {
            throw new IllegalArgumentException("not a snapshot");
        }
    }
}
