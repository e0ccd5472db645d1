package com.iduscore.contract.api;

import com.iduscore.contract.report.CheckRecord;
import com.iduscore.contract.report.Exchange;
import com.iduscore.contract.report.Masking;
import com.iduscore.contract.report.RunRecorder;
import com.iduscore.contract.run.ConformanceRun;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Records each request and response, masked, into the check running on this thread ({@link RunRecorder#current()}), and
 * what it exercised into the coverage of the run bound to the thread ({@link ConformanceRun#current()}),
 * with a curl line that repeats it. Sits innermost in the chain, so it sees the exchange even when the validation
 * filter outside it then fails the check.
 */
public final class TranscriptFilter implements Filter {

    /** Bodies longer than this are cut in the report (the start is what a reader needs). */
    static final int MAX_BODY_CHARS = 8_000;

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext ctx) {
        Optional<CheckRecord> check = RunRecorder.current();
        long start = System.nanoTime();
        Instant at = Instant.now();
        List<Map.Entry<String, String>> requestHeaders = new ArrayList<>();
        for (Header h : request.getHeaders()) {
            requestHeaders.add(Map.entry(h.getName(), Masking.maskHeader(h.getName(), h.getValue())));
        }
        String requestBody = requestBody(request.getBody());
        String url = request.getURI();
        try {
            Response response = ctx.next(request, responseSpec);
            ConformanceRun.bound().ifPresent(run -> run.recorder().coverage()
                    .observe(request.getMethod(), url, response.getStatusCode(), rawBody(request.getBody())));
            check.ifPresent(c -> c.addExchange(exchange(at, request.getMethod(), url, requestHeaders, requestBody,
                    response, (System.nanoTime() - start) / 1_000_000)));
            return response;
        } catch (RuntimeException e) {
            check.ifPresent(c -> c.addExchange(new Exchange(at, request.getMethod(), url, requestHeaders, requestBody, 0,
                    List.of(), "no response: " + Masking.mask(String.valueOf(e)), (System.nanoTime() - start) / 1_000_000,
                    Curl.line(request.getMethod(), url, requestHeaders, requestBody))));
            throw e;
        }
    }

    private static Exchange exchange(Instant at, String method, String url, List<Map.Entry<String, String>> requestHeaders,
                                     String requestBody, Response response, long millis) {
        List<Map.Entry<String, String>> responseHeaders = new ArrayList<>();
        for (Header h : response.getHeaders()) {
            responseHeaders.add(Map.entry(h.getName(), Masking.maskHeader(h.getName(), h.getValue())));
        }
        return new Exchange(at, method, url, requestHeaders, requestBody, response.getStatusCode(), responseHeaders,
                responseBody(response), millis, Curl.line(method, url, requestHeaders, requestBody));
    }

    /** The body as sent, unmasked and uncut: only its field names are kept (for coverage), never its values. */
    private static String rawBody(Object body) {
        if (body == null) {
            return null;
        }
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    }

    private static String requestBody(Object body) {
        if (body == null) {
            return null;
        }
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
        return cut(Masking.mask(text));
    }

    private static String responseBody(Response response) {
        String type = Optional.ofNullable(response.getContentType()).orElse("").toLowerCase(Locale.ROOT);
        byte[] bytes = response.asByteArray();
        if (bytes.length == 0) {
            return "";
        }
        boolean text = type.isEmpty() || type.contains("json") || type.startsWith("text/") || type.contains("yaml")
                || type.contains("xml");
        if (!text) {
            return "<" + bytes.length + " bytes of " + type + ">";
        }
        return cut(Masking.mask(new String(bytes, StandardCharsets.UTF_8)));
    }

    private static String cut(String text) {
        return text.length() <= MAX_BODY_CHARS ? text
                : text.substring(0, MAX_BODY_CHARS) + "… (" + (text.length() - MAX_BODY_CHARS) + " more characters)";
    }
}
