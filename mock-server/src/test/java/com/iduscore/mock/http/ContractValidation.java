package com.iduscore.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.contract.openapi.OpenApiValidationFilter;
import com.iduscore.contract.openapi.SchemaValidator;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds every call these tests make to the OpenAPI contract, through the spec module's {@link OpenApiValidationFilter}
 * registered once for the whole run ({@link #registerOnce}). A test that sends an invalid request on purpose marks it
 * with {@code given().filter(ContractValidation.invalidRequest())}: its response is still validated
 * ({@link OpenApiValidationFilter#responsesOnly()}), its request is not. Routes outside the document (admin API,
 * artifact downloads, unknown paths) pass, as the filter documents.
 *
 * <p>Lifecycle: registered by {@link RunningMock#beforeAll} (and by the classes that run their own mock) before the
 * first request; it stays for the JVM, so the order test classes run in does not matter.
 */
public final class ContractValidation implements Filter {
    private static final Filter REQUESTS_AND_RESPONSES = new OpenApiValidationFilter();
    private static final Filter RESPONSES_ONLY = OpenApiValidationFilter.responsesOnly();
    private static final Filter INVALID_REQUEST_MARK = (request, response, ctx) -> ctx.next(request, response);
    private static boolean registered;

    private ContractValidation() {
    }

    /** Adds the validation to every REST Assured request of this JVM, once. */
    public static synchronized void registerOnce() {
        if (!registered) {
            RestAssured.filters(new ContractValidation());
            registered = true;
        }
    }

    /** Marks a request as invalid on purpose: only its response is held to the contract. */
    public static Filter invalidRequest() {
        return INVALID_REQUEST_MARK;
    }

    /** Fails unless {@code body} is a {@code ResultReadyWebhookEvent} of the contract. */
    public static void assertWebhookEvent(byte[] body) {
        try {
            JsonNode event = Fixtures.JSON.readTree(body);
            List<SchemaValidator.Violation> violations = SchemaValidator.shared().validate("ResultReadyWebhookEvent", event);
            assertThat(violations).as("violations of ResultReadyWebhookEvent by %s", event).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext ctx) {
        boolean invalidOnPurpose = request.getDefinedFilters().contains(INVALID_REQUEST_MARK);
        return (invalidOnPurpose ? RESPONSES_ONLY : REQUESTS_AND_RESPONSES).filter(request, response, ctx);
    }
}
