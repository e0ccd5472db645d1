package com.iduscore.mock.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.security.Authenticator;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.iduscore.mock.domain.MockControl;
import com.iduscore.mock.domain.error.ApiException;
import com.iduscore.mock.domain.error.RefusalReason;
import com.iduscore.mock.http.ApiJson;
import com.iduscore.mock.http.ErrorReplies;
import com.iduscore.mock.http.Faults;
import com.iduscore.mock.http.HttpReply;
import com.iduscore.mock.http.RateLimiter;
import com.iduscore.mock.http.RequestContext;
import com.iduscore.mock.http.WireMockReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The mock's admin API under {@code /__admin/iduscore/}, as a WireMock admin extension. It reaches only
 * {@link MockControl} and the fault switches, never a partner route; with {@code --admin-token} WireMock's admin
 * authenticator guards it like the rest of {@code /__admin}.
 *
 * <p>As an admin request filter it also answers, in the API's error envelope, what WireMock would answer with an
 * empty body: a refused admin token (401) and an unknown route or method under {@code /__admin/iduscore/}.
 *
 * <pre>
 * POST /__admin/iduscore/reset                 forget submissions, keys, deliveries, faults, rate windows → 204
 * GET  /__admin/iduscore/clock                 → {"now","mode","offsetMillis"}
 * POST /__admin/iduscore/clock/advance         {"millis": N} → {"now","mode","offsetMillis"}, on either clock
 * POST /__admin/iduscore/clock/settle          → {"advancedMillis","now","settled","submissions","deliveries"}
 * GET  /__admin/iduscore/webhook-deliveries    → {"deliveries": [...]}
 * GET  /__admin/iduscore/state                 → the snapshot document
 * PUT  /__admin/iduscore/state                 snapshot → 204; 400 and no change when it is not one
 * GET  /__admin/iduscore/faults                → {"ready","latencyMs","rateLimitPerMinute"}
 * PUT  /__admin/iduscore/faults                any of those fields → the new settings
 * </pre>
 */
public final class IduScoreAdminApi implements AdminApiExtension, AdminRequestFilterV2 {
    private static final Logger LOG = LoggerFactory.getLogger(IduScoreAdminApi.class);

    /** Upper bound for the latency fault, so a typo cannot hang a client for hours. */
    static final long MAX_LATENCY_MS = 120_000;
    private static final Set<String> FAULT_FIELDS = Set.of("ready", "latencyMs", "rateLimitPerMinute");

    private static final String PREFIX = "/__admin/iduscore/";
    /** Every route of this API: path under {@link #PREFIX} → its methods. */
    private static final Map<String, Set<String>> ROUTES = Map.of(
            "reset", Set.of("POST"),
            "clock", Set.of("GET"),
            "clock/advance", Set.of("POST"),
            "clock/settle", Set.of("POST"),
            "webhook-deliveries", Set.of("GET"),
            "state", Set.of("GET", "PUT"),
            "faults", Set.of("GET", "PUT"));

    private final Supplier<MockControl> control;
    private final Faults faults;
    private final RateLimiter rateLimiter;
    private final Authenticator authenticator;

    /** @param control asked on every request; may block the first requests until the domain is ready */
    public IduScoreAdminApi(Supplier<MockControl> control, Faults faults, RateLimiter rateLimiter) {
        this(control, faults, rateLimiter, null);
    }

    /** @param authenticator the admin token's, or null when the admin API is open */
    public IduScoreAdminApi(Supplier<MockControl> control, Faults faults, RateLimiter rateLimiter,
                            Authenticator authenticator) {
        this.control = control;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.authenticator = authenticator;
    }

    /**
     * Runs before WireMock's own authentication and routing, which would answer these with an empty body: a refused
     * token on any {@code /__admin} route, and an unknown route or method under {@code /__admin/iduscore/}.
     */
    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        RequestContext context = RequestContext.of(request.getHeader("x-request-id"), null);
        if (authenticator != null && !authenticator.authenticate(request)) {
            return stop(context, ErrorReplies.of(context, new ApiException(RefusalReason.INVALID_API_KEY,
                    "The admin API needs Authorization: Bearer <the --admin-token>")));
        }
        // WireMock hands admin filters the path without its /__admin prefix; accept both forms
        String path = pathOf(request.getUrl());
        String relative = path.startsWith("/__admin/") ? path.substring("/__admin".length()) : path;
        if (!relative.startsWith("/iduscore/")) {
            return RequestFilterAction.continueWith(request);
        }
        String route = relative.substring("/iduscore/".length());
        Set<String> methods = ROUTES.get(route);
        if (methods == null) {
            return stop(context, ErrorReplies.of(context, new ApiException(RefusalReason.NOT_FOUND,
                    "No admin route " + PREFIX + route)));
        }
        if (!methods.contains(request.getMethod().getName())) {
            HttpReply reply = ErrorReplies.of(context, new ApiException(RefusalReason.METHOD_NOT_ALLOWED,
                    "Method " + request.getMethod().getName() + " is not allowed on " + PREFIX + route));
            reply.header("Allow", String.join(", ", methods.stream().sorted().toList()));
            return stop(context, reply);
        }
        return RequestFilterAction.continueWith(request);
    }

    private static RequestFilterAction stop(RequestContext context, HttpReply reply) {
        reply.header("x-request-id", context.requestId());
        return RequestFilterAction.stopWith(WireMockReplies.toDefinition(reply, 0));
    }

    private static String pathOf(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public String getName() {
        return "iduscore-admin-api";
    }

    /**
     * Each route gets its own lambda expression, hence its own class: WireMock finds a task's path template by the
     * task's class, so routes sharing one class would parse each other's paths.
     */
    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.POST, "/iduscore/reset", (admin, event, params) -> respond(event, r -> reset()));
        router.add(RequestMethod.GET, "/iduscore/clock", (admin, event, params) -> respond(event, r -> now()));
        router.add(RequestMethod.POST, "/iduscore/clock/advance",
                (admin, event, params) -> respond(event, this::advanceClock));
        router.add(RequestMethod.POST, "/iduscore/clock/settle",
                (admin, event, params) -> respond(event, r -> HttpReply.json(200, control.get().settle())));
        router.add(RequestMethod.GET, "/iduscore/webhook-deliveries", (admin, event, params) -> respond(event,
                r -> HttpReply.json(200, Map.of("deliveries", control.get().deliveries()))));
        router.add(RequestMethod.GET, "/iduscore/state", (admin, event, params) -> respond(event,
                r -> HttpReply.text(200, "application/json", control.get().exportState())));
        router.add(RequestMethod.PUT, "/iduscore/state", (admin, event, params) -> respond(event, this::importState));
        router.add(RequestMethod.GET, "/iduscore/faults",
                (admin, event, params) -> respond(event, r -> HttpReply.json(200, faults.current())));
        router.add(RequestMethod.PUT, "/iduscore/faults", (admin, event, params) -> respond(event, this::putFaults));
    }

    private HttpReply reset() {
        control.get().reset();
        faults.reset();
        rateLimiter.reset();
        return HttpReply.empty(204);
    }

    private HttpReply now() {
        return HttpReply.json(200, control.get().clock());
    }

    private HttpReply advanceClock(Request request) {
        JsonNode body = jsonObject(request);
        JsonNode millis = body.get("millis");
        if (millis == null || !millis.canConvertToLong() || !millis.isIntegralNumber() || millis.asLong() < 0) {
            throw ErrorReplies.invalidField("Expected {\"millis\": N} with N a whole number >= 0", "millis",
                    "Expected a whole number >= 0");
        }
        control.get().advance(Duration.ofMillis(millis.asLong()));
        return now();
    }

    private HttpReply importState(Request request) {
        String snapshot = request.getBodyAsString();
        try {
            control.get().importState(snapshot);
        } catch (IllegalArgumentException notASnapshot) {
            throw new ApiException(RefusalReason.VALIDATION_ERROR,
                    "Not a state snapshot (use the document GET /__admin/iduscore/state returns): "
                            + notASnapshot.getMessage());
        }
        return HttpReply.empty(204);
    }

    private HttpReply putFaults(Request request) {
        JsonNode body = jsonObject(request);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FAULT_FIELDS.contains(name)) {
                problems.put(name, List.of("Unknown field; expected ready, latencyMs or rateLimitPerMinute"));
            }
        });
        Faults.Settings current = faults.current();
        boolean ready = current.ready();
        long latencyMs = current.latencyMs();
        Integer rateLimit = current.rateLimitPerMinute();
        if (body.has("ready")) {
            if (body.get("ready").isBoolean()) {
                ready = body.get("ready").booleanValue();
            } else {
                problems.put("ready", List.of("Expected true or false"));
            }
        }
        if (body.has("latencyMs")) {
            JsonNode value = body.get("latencyMs");
            if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0
                    && value.asLong() <= MAX_LATENCY_MS) {
                latencyMs = value.asLong();
            } else {
                problems.put("latencyMs", List.of("Expected a whole number from 0 to " + MAX_LATENCY_MS));
            }
        }
        if (body.has("rateLimitPerMinute")) {
            JsonNode value = body.get("rateLimitPerMinute");
            if (value.isNull()) {
                rateLimit = null;
            } else if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 1) {
                rateLimit = value.asInt();
            } else {
                problems.put("rateLimitPerMinute", List.of("Expected a whole number >= 1, or null for the tenants' own limits"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(RefusalReason.VALIDATION_ERROR, "Invalid fault settings",
                    ErrorReplies.flatten(List.of(), problems));
        }
        Faults.Settings updated = new Faults.Settings(ready, latencyMs, rateLimit);
        faults.set(updated);
        return HttpReply.json(200, updated);
    }

    private static JsonNode jsonObject(Request request) {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            throw new ApiException(RefusalReason.VALIDATION_ERROR, "Expected a JSON object body");
        }
        try {
            JsonNode node = ApiJson.mapper().readTree(body);
            if (node == null || node.getNodeType() != JsonNodeType.OBJECT) {
                throw new ApiException(RefusalReason.VALIDATION_ERROR, "Expected a JSON object body");
            }
            return node;
        } catch (JsonProcessingException malformed) {
            throw ErrorReplies.malformedJson(ErrorReplies.firstLine(malformed.getOriginalMessage()));
        } catch (IOException unreadable) {
            throw new ApiException(RefusalReason.VALIDATION_ERROR, "Expected a JSON object body");
        }
    }

    /** Runs a handler with the request id, the error envelope and the 500 guard every admin route shares. */
    private static ResponseDefinition respond(ServeEvent serveEvent, Handler handler) {
        Request request = serveEvent.getRequest();
        RequestContext context = RequestContext.of(request.getHeader("x-request-id"), null);
        HttpReply reply;
        try {
            reply = handler.handle(request);
        } catch (ApiException refusal) {
            reply = ErrorReplies.of(context, refusal);
        } catch (RuntimeException failure) {
            LOG.warn("Unhandled failure on admin {} {} (request id {})", request.getMethod(), request.getUrl(),
                    context.requestId(), failure);
            reply = ErrorReplies.internalError(context);
        }
        reply.header("x-request-id", context.requestId());
        return WireMockReplies.toDefinition(reply, 0);
    }

    @FunctionalInterface
    private interface Handler {
        HttpReply handle(Request request);
    }
}
