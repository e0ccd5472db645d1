package com.iduscore.contract.openapi;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST Assured filter that holds every call to the IduScore contract: it lets the call through, then validates the
 * request and the response against {@code openapi/iduscore-partner-v1.yaml} and throws an {@link AssertionError}
 * listing method, path, status and each violation (one per line) when anything deviates.
 *
 * <pre>{@code
 * given().filter(new OpenApiValidationFilter())...          // positive tests: request and response
 * given().filter(OpenApiValidationFilter.responsesOnly())... // negative tests: a deliberately invalid request
 * }</pre>
 *
 * <p><b>Routes the document does not describe</b> (an unknown path answered {@code 404}, a wrong method answered
 * {@code 405}, the mock-only {@code /_mock/...} and {@code /__admin/...} routes): the request is not judged; a JSON
 * body of a {@code 4xx}/{@code 5xx} answer must be an {@code ErrorEnvelope}, anything else passes. On every error
 * envelope {@code error.requestId} must equal the {@code x-request-id} header. See {@link OpenApiInteractionChecker}.
 *
 * <p><b>Lifecycle and ordering:</b> stateless and thread-safe; one instance can serve every test. The validator behind it
 * is built once per JVM, on first use (about a second). Add it <em>after</em> filters that change the request (auth,
 * headers) so it sees what is sent, and before logging or transcript filters if those should record failing calls too
 * (they run around it either way, since this filter validates after {@code ctx.next}). Requests are judged as REST
 * Assured hands them to the filter chain (cookies and the default {@code Accept: *}{@code /*} included).
 *
 * <p>Needs REST Assured, the Atlassian {@code openapi-request-validator-core} 3.x, networknt json-schema-validator
 * 2.x and Jackson on the classpath (the {@code iduscore-openapi} module declares them optional).
 */
public final class OpenApiValidationFilter implements Filter {

    private final boolean validateRequests;
    private final OpenApiInteractionChecker checker;

    /** Validates requests and responses. */
    public OpenApiValidationFilter() {
        this(true, null);
    }

    private OpenApiValidationFilter(boolean validateRequests, OpenApiInteractionChecker checker) {
        this.validateRequests = validateRequests;
        this.checker = checker;
    }

    /** Validates only responses: for tests that send an invalid request on purpose (missing key, bad body, bad id). */
    public static OpenApiValidationFilter responsesOnly() {
        return new OpenApiValidationFilter(false, null);
    }

    /** Validates requests and responses against another document's checker (e.g. a newer draft of the contract). */
    public static OpenApiValidationFilter using(OpenApiInteractionChecker checker, boolean validateRequests) {
        return new OpenApiValidationFilter(validateRequests, java.util.Objects.requireNonNull(checker, "checker"));
    }

    /** Whether this filter also judges the requests it sees. */
    public boolean validatesRequests() {
        return validateRequests;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String method = request.getMethod();
        String target = target(request.getURI());
        int status = response.getStatusCode();
        List<String> violations = checker().violations(method, target, headers(request.getHeaders()), body(request.getBody()),
                status, headers(response.getHeaders()), response.asByteArray(), validateRequests);
        if (!violations.isEmpty()) {
            throw new AssertionError(report(method, target, status, violations));
        }
        return response;
    }

    /**
     * The violations of one exchange without REST Assured in the loop; see
     * {@link OpenApiInteractionChecker#violations}. Empty when it conforms.
     */
    public static List<String> violations(String method, String pathWithQuery, Map<String, List<String>> requestHeaders,
                                          byte[] requestBody, int status, Map<String, List<String>> responseHeaders,
                                          byte[] responseBody, boolean validateRequest) {
        return OpenApiInteractionChecker.shared().violations(method, pathWithQuery, requestHeaders, requestBody, status,
                responseHeaders, responseBody, validateRequest);
    }

    /** The assertion message: what was called, what came back, and each violation on its own line. */
    static String report(String method, String target, int status, List<String> violations) {
        StringBuilder out = new StringBuilder()
                .append("OpenAPI contract violated by ").append(method).append(' ').append(target)
                .append(" -> ").append(status).append(" (").append(violations.size())
                .append(violations.size() == 1 ? " violation" : " violations").append("):");
        for (String violation : violations) {
            out.append(System.lineSeparator()).append("  - ").append(violation);
        }
        return out.toString();
    }

    private OpenApiInteractionChecker checker() {
        return checker != null ? checker : OpenApiInteractionChecker.shared();
    }

    private static String target(String uri) {
        try {
            URI parsed = URI.create(uri);
            String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
            return parsed.getRawQuery() == null ? path : path + "?" + parsed.getRawQuery();
        } catch (IllegalArgumentException notAUri) {
            return uri;
        }
    }

    private static Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (headers != null) {
            for (Header header : headers) {
                out.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
            }
        }
        return out;
    }

    private static byte[] body(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
