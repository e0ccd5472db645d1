package com.iduscore.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.mock.domain.PartnerApi;
import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.error.ApiException;
import com.iduscore.mock.domain.error.RefusalReason;
import com.iduscore.mock.domain.view.ArtifactFile;
import com.iduscore.mock.validation.SubmissionSchemaValidator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The partner API's routes: a thin layer that owns what is HTTP (routing, headers, content type, size, JSON, schema,
 * rate limits, CORS) and hands every decision about submissions, jobs and results to {@link PartnerApi}.
 *
 * <p>Check order on a POST (CONTRACT.md D4): authenticate (401/403) → rate limit (429) → write headers (400) → content type and
 * size (415/413) → JSON parse and schema (400) → the domain (partnerId 403, panel 400, idempotency 202/409, create).
 * Refusals are thrown as {@link ApiException}; the caller turns them into the error envelope.
 */
public final class PartnerRoutes {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PartnerApi api;
    private final SubmissionBodyReader bodyReader;
    private final OpenApiDocuments openApi;
    private final Faults faults;
    private final RateLimiter rateLimiter;
    private final Supplier<Instant> clock;
    private final List<Route> routes = new ArrayList<>();

    public PartnerRoutes(PartnerApi api, SubmissionSchemaValidator validator, OpenApiDocuments openApi, Faults faults,
                         RateLimiter rateLimiter, Supplier<Instant> clock) {
        this.api = api;
        this.bodyReader = new SubmissionBodyReader(validator);
        this.openApi = openApi;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.clock = clock;

        route("/health").on("GET", (request, context, id) -> health(200, "ok"));
        route("/health/ready").on("GET", (request, context, id) -> faults.current().ready()
                ? health(200, "ok") : health(503, "unavailable"));
        route("/openapi.json").on("GET", (request, context, id) -> HttpReply.jsonBytes(200, openApi.json()));
        route("/openapi.yaml").on("GET", (request, context, id) -> HttpReply.bytes(200, "application/yaml", openApi.yaml()));
        route("/v1/partner-auth-probe")
                .on("GET", (request, context, id) -> probe(request, false))
                .on("POST", (request, context, id) -> probe(request, true))
                .on("OPTIONS", (request, context, id) -> Cors.preflight());
        route("/v1/submissions")
                .on("POST", (request, context, id) -> submit(request))
                .on("OPTIONS", (request, context, id) -> Cors.preflight());
        route("/v1/submissions/{submissionId}")
                .on("GET", (request, context, id) -> HttpReply.json(200,
                        api.submission(caller(request), uuid(id, "submissionId"))))
                .on("OPTIONS", (request, context, id) -> Cors.preflight());
        route("/v1/jobs/{jobId}")
                .on("GET", (request, context, id) -> HttpReply.json(200, api.job(caller(request), uuid(id, "jobId"))))
                .on("OPTIONS", (request, context, id) -> Cors.preflight());
        route("/v1/results/{resultId}")
                .on("GET", (request, context, id) -> HttpReply.json(200,
                        api.result(caller(request), uuid(id, "resultId"), ArtifactLinks.under(request.baseUrl()))))
                .on("OPTIONS", (request, context, id) -> Cors.preflight());
        route(ArtifactLinks.PATH + "{artifactId}").on("GET", (request, context, id) -> download(request, id));
    }

    /** Answers one request; throws {@link ApiException} for every refusal the API answers with its envelope. */
    public HttpReply handle(IncomingRequest request, RequestContext context) {
        String[] segments = segments(request.path());
        boolean partnerPath = segments.length >= 1 && segments[0].equals("v1");
        for (Route route : routes) {
            String pathParam = route.match(segments);
            if (pathParam == null) {
                continue;
            }
            Handler handler = route.handlers.get(request.method());
            if (handler == null) {
                return ErrorReplies.of(context, new ApiException(RefusalReason.METHOD_NOT_ALLOWED,
                        request.method() + " is not allowed on " + request.path())).header("Allow", route.allow());
            }
            try {
                return handler.handle(request, context, pathParam);
            } catch (RefusalWithHeader refusal) {
                return ErrorReplies.of(context, refusal.refusal).header(refusal.header, refusal.value);
            }
        }
        if (partnerPath && request.method().equals("OPTIONS")) {
            return Cors.preflight();
        }
        throw new ApiException(RefusalReason.NOT_FOUND, "Route not found: " + request.method() + " " + request.path());
    }

    // ---- handlers -------------------------------------------------------------------------------------------

    private HttpReply health(int status, String state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", state);
        body.put("timestamp", clock.get());
        return HttpReply.json(status, body);
    }

    private HttpReply probe(IncomingRequest request, boolean write) {
        caller(request);
        if (write) {
            writeHeaders(request);
        }
        return HttpReply.empty(204);
    }

    private HttpReply submit(IncomingRequest request) {
        Caller caller = caller(request);
        WriteHeaders headers = writeHeaders(request);
        JsonNode body = bodyReader.read(request);
        PartnerApi.Submitted submitted = api.submit(caller, headers.idempotencyKey(), headers.correlationId(),
                SubmissionRequests.parse(body));
        HttpReply reply = HttpReply.json(202, submitted.accepted());
        return submitted.replayed() ? reply.header("Idempotent-Replayed", "true") : reply;
    }

    private HttpReply download(IncomingRequest request, String artifactId) {
        String expires = request.queryParam("expires");
        String signature = request.queryParam("signature");
        if (!UUID_SHAPE.matcher(artifactId).matches() || expires == null || !expires.matches("[0-9]{1,12}")
                || signature == null || signature.isEmpty()) {
            throw new ApiException(RefusalReason.FORBIDDEN, "Download link is invalid or has expired");
        }
        ArtifactFile file = api.download(UUID.fromString(artifactId), Long.parseLong(expires), signature);
        return HttpReply.bytes(200, file.contentType(), file.content())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
    }

    // ---- shared checks -------------------------------------------------------------------------------------

    /** Authenticates the request's key ({@code X-Api-Key}, else {@code Authorization: Bearer}) and applies the rate limit. */
    private Caller caller(IncomingRequest request) {
        String key = apiKey(request);
        if (key == null) {
            throw new ApiException(RefusalReason.INVALID_API_KEY, "Invalid or expired API key");
        }
        Caller caller = api.authenticate(key);
        Integer override = faults.current().rateLimitPerMinute();
        Integer limit = override != null ? override : caller.rateLimitPerMinute();
        if (limit != null) {
            OptionalLong retryAfter = rateLimiter.tryAcquire(caller.partnerId(), limit);
            if (retryAfter.isPresent()) {
                long seconds = retryAfter.getAsLong();
                throw new RefusalWithHeader(new ApiException(RefusalReason.RATE_LIMITED,
                        "Rate limit of " + limit + " requests per minute exceeded; retry after " + seconds + " s"),
                        "Retry-After", Long.toString(seconds));
            }
        }
        return caller;
    }

    static String apiKey(IncomingRequest request) {
        String key = request.header("X-Api-Key");
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static WriteHeaders writeHeaders(IncomingRequest request) {
        String correlationId = request.header("x-correlation-id");
        String idempotencyKey = request.header("Idempotency-Key");
        Map<String, List<String>> missing = new LinkedHashMap<>();
        if (correlationId == null || correlationId.isBlank()) {
            missing.put("headers.x-correlation-id", List.of("Required non-empty header"));
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            missing.put("headers.idempotency-key", List.of("Required non-empty header"));
        }
        if (!missing.isEmpty()) {
            throw new ApiException(RefusalReason.VALIDATION_ERROR, "Missing required write headers",
                    ErrorReplies.flatten(List.of(), missing));
        }
        return new WriteHeaders(correlationId, idempotencyKey);
    }

    private static UUID uuid(String value, String name) {
        if (!UUID_SHAPE.matcher(value).matches()) {
            throw ErrorReplies.invalidField("Invalid path parameter",
                    "params." + name, "Invalid uuid");
        }
        return UUID.fromString(value);
    }

    private static String[] segments(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return new String[0];
        }
        // keep trailing empty segments so "/v1/submissions/" does not match "/v1/submissions"
        return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
    }

    private Route route(String template) {
        Route route = new Route(segments(template));
        routes.add(route);
        return route;
    }

    // ---- types ---------------------------------------------------------------------------------------------

    private record WriteHeaders(String correlationId, String idempotencyKey) {
    }

    @FunctionalInterface
    private interface Handler {
        HttpReply handle(IncomingRequest request, RequestContext context, String pathParam);
    }

    private static final class Route {
        private final String[] template;
        private final Map<String, Handler> handlers = new LinkedHashMap<>();

        Route(String[] template) {
            this.template = template;
        }

        Route on(String method, Handler handler) {
            handlers.put(method, handler);
            return this;
        }

        String allow() {
            return String.join(", ", handlers.keySet());
        }

        /** The path parameter ("" when the template has none) when {@code path} matches, else {@code null}. */
        String match(String[] path) {
            if (path.length != template.length) {
                return null;
            }
            String param = "";
            for (int i = 0; i < path.length; i++) {
                if (template[i].startsWith("{")) {
                    if (path[i].isEmpty()) {
                        return null;
                    }
                    param = path[i];
                } else if (!template[i].equals(path[i])) {
                    return null;
                }
            }
            return param;
        }
    }

    /** A refusal whose reply needs one header beside the envelope ({@code Retry-After}, {@code Allow}). */
    private static final class RefusalWithHeader extends RuntimeException {
        private final ApiException refusal;
        private final String header;
        private final String value;

        RefusalWithHeader(ApiException refusal, String header, String value) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
            this.header = header;
            this.value = value;
        }
    }
}
