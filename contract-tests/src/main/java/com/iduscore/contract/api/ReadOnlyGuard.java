package com.iduscore.contract.api;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;

/**
 * In read-only mode ({@code IDUSCORE_READ_ONLY=true}) refuses any {@code POST /v1/submissions} before it leaves the
 * suite. Writing checks are skipped in that mode, so a POST reaching this filter comes from a check declared
 * {@code writes = false} by mistake: it fails loudly instead of creating data in production.
 */
final class ReadOnlyGuard implements Filter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext ctx) {
        String path = URI.create(request.getURI()).getPath();
        if ("POST".equalsIgnoreCase(request.getMethod()) && path != null && path.startsWith("/v1/submissions")) {
            throw new AssertionError("IDUSCORE_READ_ONLY=true: refused POST " + path
                    + " (the check is declared writes = false but creates a submission; declare it writes = true)");
        }
        return ctx.next(request, responseSpec);
    }
}
