package com.iduscore.mock.http;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A partner's calls, as tests make them against the mock REST Assured points at. */
public final class Partner {
    private Partner() {
    }

    /** A request without a key: invalid on purpose, so only its response is held to the contract. */
    public static RequestSpecification anonymous() {
        return given().filter(ContractValidation.invalidRequest());
    }

    /** A request with a key that breaks the contract on purpose (bad header, body or id); its response is still checked. */
    public static RequestSpecification invalid(String apiKey) {
        return withKey(apiKey).filter(ContractValidation.invalidRequest());
    }

    /** A request carrying {@code X-Api-Key}. */
    public static RequestSpecification withKey(String apiKey) {
        return given().header("X-Api-Key", apiKey);
    }

    /** A POST /v1/submissions with both write headers and JSON content type, not yet sent. */
    public static RequestSpecification write(String apiKey, String idempotencyKey) {
        return withKey(apiKey)
                .header("Idempotency-Key", idempotencyKey)
                .header("x-correlation-id", "corr-" + idempotencyKey)
                .contentType(ContentType.JSON);
    }

    public static Response submit(String apiKey, Object body) {
        return submit(apiKey, UUID.randomUUID().toString(), body);
    }

    public static Response submit(String apiKey, String idempotencyKey, Object body) {
        return send(write(apiKey, idempotencyKey), body);
    }

    /** As {@link #submit}, for a body that breaks the contract on purpose. */
    public static Response submitInvalid(String apiKey, String idempotencyKey, Object body) {
        return send(write(apiKey, idempotencyKey).filter(ContractValidation.invalidRequest()), body);
    }

    private static Response send(RequestSpecification request, Object body) {
        return (body instanceof byte[] bytes ? request.body(bytes) : request.body(body.toString())).post("/v1/submissions");
    }

    /** Submits and returns the 202's {@code submissionId}. */
    public static String accepted(String apiKey, Object body) {
        return submit(apiKey, body).then().statusCode(202).extract().path("submissionId");
    }
}
