package com.iduscore.mock.server;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves through {@code partnerApi}, and once the first answer is ready starts {@code warmUp} on a background
 * thread. Building the schema validator and the OpenAPI documents costs about a second of CPU: done at start-up it
 * competes with WireMock's own start for the machine's cores; done after the first answer (typically a health check)
 * it is ready before the first submission, without delaying the moment the mock can answer.
 */
final class WarmUpAfterFirstRequest implements StubRequestFilterV2 {
    private final StubRequestFilterV2 partnerApi;
    private final Runnable warmUp;
    private final AtomicBoolean started = new AtomicBoolean();

    WarmUpAfterFirstRequest(StubRequestFilterV2 partnerApi, Runnable warmUp) {
        this.partnerApi = partnerApi;
        this.warmUp = warmUp;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        RequestFilterAction action = partnerApi.filter(request, serveEvent);
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().name("iduscore-mock-warm-up").daemon(true).start(warmUp);
        }
        return action;
    }

    @Override
    public String getName() {
        return partnerApi.getName();
    }

    @Override
    public boolean applyToAdmin() {
        return partnerApi.applyToAdmin();
    }

    @Override
    public boolean applyToStubs() {
        return partnerApi.applyToStubs();
    }
}
