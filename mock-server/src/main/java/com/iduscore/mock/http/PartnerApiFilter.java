package com.iduscore.mock.http;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.iduscore.mock.domain.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The WireMock extension that serves the partner API: it answers every non-admin request itself
 * ({@code stopWith}), so no stub mapping is ever consulted. Thin on purpose: it builds the request context, asks
 * {@link PartnerRoutes}, and turns refusals into the error envelope and failures into a 500 without a stack trace.
 *
 * <p>Every response gets {@code x-request-id} and the CORS read headers; the latency fault delays every response.
 */
public final class PartnerApiFilter implements StubRequestFilterV2 {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerApiFilter.class);

    private final Supplier<PartnerRoutes> routes;
    private final Faults faults;

    /** @param routes asked on every request; may block the first requests until the domain is ready */
    public PartnerApiFilter(Supplier<PartnerRoutes> routes, Faults faults) {
        this.routes = routes;
        this.faults = faults;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        RequestContext context = RequestContext.of(request.getHeader("x-request-id"),
                request.getHeader("x-correlation-id"));
        HttpReply reply;
        try {
            reply = routes.get().handle(WireMockReplies.toIncoming(request), context);
        } catch (ApiException refusal) {
            reply = ErrorReplies.of(context, refusal);
        } catch (RuntimeException | StackOverflowError failure) {
            LOG.warn("Unhandled failure on {} {} (request id {})", request.getMethod(), WireMockReplies.pathOf(request.getUrl()),
                    context.requestId(), failure);
            reply = ErrorReplies.internalError(context);
        }
        reply.header("x-request-id", context.requestId());
        Cors.exposeTo(reply);
        return RequestFilterAction.stopWith(WireMockReplies.toDefinition(reply, faults.current().latencyMs()));
    }

    @Override
    public String getName() {
        return "iduscore-partner-api";
    }

    @Override
    public boolean applyToAdmin() {
        return false;
    }

    @Override
    public boolean applyToStubs() {
        return true;
    }
}
