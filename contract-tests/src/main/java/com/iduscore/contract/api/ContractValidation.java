package com.iduscore.contract.api;

import com.iduscore.contract.openapi.OpenApiValidationFilter;
import io.restassured.filter.Filter;

/** Where the spec module's OpenAPI validation filter enters the suite's chain (one shared instance of each kind). */
final class ContractValidation {

    private static final Filter BOTH = new OpenApiValidationFilter();
    private static final Filter RESPONSES_ONLY = OpenApiValidationFilter.responsesOnly();

    private ContractValidation() {
    }

    /** Validates the request and the response against the contract. */
    static Filter requestsAndResponses() {
        return BOTH;
    }

    /** Validates only responses: for deliberately invalid requests. */
    static Filter responsesOnly() {
        return RESPONSES_ONLY;
    }
}
