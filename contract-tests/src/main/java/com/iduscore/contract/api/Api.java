package com.iduscore.contract.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.target.Credential;
import com.iduscore.contract.target.Target;
import com.iduscore.contract.target.Targets;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Requests to the run's target, each with the suite's filter chain: the read-only guard, OpenAPI validation of the
 * request and the response, and the transcript that puts the exchange into the report (keys masked).
 *
 * <pre>{@code
 * Response accepted = Api.submit(target.primary(), Fixtures.validSubmission(target.primary()));
 * Api.given(target.primary()).get("/v1/submissions/{id}", accepted.path("submissionId")).then().statusCode(200);
 * Api.givenInvalid(target.primary()).header("x-correlation-id", "").post("/v1/submissions").then().statusCode(400);
 * }</pre>
 *
 * Filter order (outermost first): guard → validation → transcript. Validation is outside the transcript so an
 * exchange that breaks the contract is still recorded before the check fails.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .redirect(RedirectConfig.redirectConfig().followRedirects(false))
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 10_000)
                    .setParam("http.socket.timeout", 60_000));

    private static final Filter TRANSCRIPT = new TranscriptFilter();
    private static final Filter READ_ONLY_GUARD = new ReadOnlyGuard();

    private Api() {
    }

    /** The run's target (started on first use). */
    public static Target target() {
        return Targets.shared();
    }

    /** A request with the credential's {@code X-Api-Key}; request and response are validated against the contract. */
    public static RequestSpecification given(Credential credential) {
        return base(ContractValidation.requestsAndResponses()).header("X-Api-Key", credential.apiKey());
    }

    /** A request with {@code Authorization: Bearer <apiKey>} instead of {@code X-Api-Key}. */
    public static RequestSpecification givenBearer(Credential credential) {
        return base(ContractValidation.requestsAndResponses()).header("Authorization", "Bearer " + credential.apiKey());
    }

    /** A request without credentials (public routes, and the 401 checks). Only the response is validated, since the
     *  contract requires a key on {@code /v1} routes. */
    public static RequestSpecification givenAnonymous() {
        return base(ContractValidation.responsesOnly());
    }

    /** A deliberately invalid request with the credential's key: only the response is validated. */
    public static RequestSpecification givenInvalid(Credential credential) {
        return base(ContractValidation.responsesOnly()).header("X-Api-Key", credential.apiKey());
    }

    /** A deliberately invalid request without a key: only the response is validated. */
    public static RequestSpecification givenInvalidAnonymous() {
        return base(ContractValidation.responsesOnly());
    }

    /** {@code POST /v1/submissions} with a fresh {@code Idempotency-Key} and {@code x-correlation-id}. */
    public static Response submit(Credential credential, ObjectNode body) {
        return submit(credential, body, newIdempotencyKey(), newCorrelationId());
    }

    /**
     * {@code POST /v1/submissions} with the given headers (null: a fresh value). The body is sent exactly as Jackson
     * writes it, so two calls with equal nodes send equal bytes.
     */
    public static Response submit(Credential credential, ObjectNode body, String idempotencyKey, String correlationId) {
        return given(credential)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotencyKey == null ? newIdempotencyKey() : idempotencyKey)
                .header("x-correlation-id", correlationId == null ? newCorrelationId() : correlationId)
                .body(json(body))
                .post("/v1/submissions");
    }

    /** A UUID v4, as the docs recommend for {@code Idempotency-Key}. */
    public static String newIdempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /** A correlation id the report and the deployment's logs can both be searched for. */
    public static String newCorrelationId() {
        return "ct-" + UUID.randomUUID();
    }

    /** The JSON text of a node, as {@link #submit} sends it. */
    public static String json(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestSpecification base(Filter validation) {
        Target target = Targets.shared();
        RequestSpecification spec = RestAssured.given().config(CONFIG).baseUri(target.baseUrl());
        if (target.readOnly()) {
            spec = spec.filter(READ_ONLY_GUARD);
        }
        return spec.filter(validation).filter(TRANSCRIPT);
    }
}
