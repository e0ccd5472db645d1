package com.iduscore.mock.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.iduscore.mock.domain.MockControl;
import com.iduscore.mock.domain.error.ApiException;
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
 * <pre>
 * POST /__admin/iduscore/reset                 forget submissions, keys, deliveries, faults, rate windows → 204
 * GET  /__admin/iduscore/clock                 → {"now"}
 * POST /__admin/iduscore/clock/advance         {"millis": N} → {"now"}; 409 on the real clock
 * GET  /__admin/iduscore/webhook-deliveries    → {"deliveries": [...]}
 * GET  /__admin/iduscore/state                 → the snapshot document
 * PUT  /__admin/iduscore/state                 snapshot → 204; 400 and no change when it is not one
 * GET  /__admin/iduscore/faults                → {"ready","latencyMs","rateLimitPerMinute"}
 * PUT  /__admin/iduscore/faults                any of those fields → the new settings
 * </pre>
 */
public final class IduScoreAdminApi implements AdminApiExtension {
    private static final Logger LOG = LoggerFactory.getLogger(IduScoreAdminApi.class);

    /** Upper bound for the latency fault, so a typo cannot hang a client for hours. */
    static final long MAX_LATENCY_MS = 120_000;
    private static final Set<String> FAULT_FIELDS = Set.of("ready", "latencyMs", "rateLimitPerMinute");

    private final Supplier<MockControl> control;
    private final Faults faults;
    private final RateLimiter rateLimiter;

    /** @param control asked on every request; may block the first requests until the domain is ready */
    public IduScoreAdminApi(Supplier<MockControl> control, Faults faults, RateLimiter rateLimiter) {
        this.control = control;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
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
        return HttpReply.json(200, Map.of("now", control.get().now()));
    }

    private HttpReply advanceClock(Request request) {
        JsonNode body = jsonObject(request);
        JsonNode millis = body.get("millis");
        if (millis == null || !millis.canConvertToLong() || !millis.isIntegralNumber() || millis.asLong() < 0) {
            throw ErrorReplies.invalidField("Expected {\"millis\": N} with N a whole number >= 0", "millis",
                    "Expected a whole number >= 0");
        }
        try {
            control.get().advanceClock(Duration.ofMillis(millis.asLong()));
        } catch (IllegalStateException realClock) {
            throw new ApiException(409, "CLOCK_NOT_MANUAL",
                    "The mock runs on the real clock; start it with --clock manual to move time by hand");
        }
        return now();
    }

    private HttpReply importState(Request request) {
        String snapshot = request.getBodyAsString();
        try {
            control.get().importState(snapshot);
        } catch (IllegalArgumentException notASnapshot) {
            throw new ApiException(400, ErrorReplies.VALIDATION_ERROR,
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
            throw new ApiException(400, ErrorReplies.VALIDATION_ERROR, "Invalid fault settings",
                    ErrorReplies.flatten(List.of(), problems));
        }
        Faults.Settings updated = new Faults.Settings(ready, latencyMs, rateLimit);
        faults.set(updated);
        return HttpReply.json(200, updated);
    }

    private static JsonNode jsonObject(Request request) {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            throw new ApiException(400, ErrorReplies.VALIDATION_ERROR, "Expected a JSON object body");
        }
        try {
            JsonNode node = ApiJson.mapper().readTree(body);
            if (node == null || node.getNodeType() != JsonNodeType.OBJECT) {
                throw new ApiException(400, ErrorReplies.VALIDATION_ERROR, "Expected a JSON object body");
            }
            return node;
        } catch (JsonProcessingException malformed) {
            throw ErrorReplies.malformedJson(ErrorReplies.firstLine(malformed.getOriginalMessage()));
        } catch (IOException unreadable) {
            throw new ApiException(400, ErrorReplies.VALIDATION_ERROR, "Expected a JSON object body");
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
