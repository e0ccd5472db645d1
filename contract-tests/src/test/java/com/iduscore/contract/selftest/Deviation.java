package com.iduscore.contract.selftest;

import java.util.Optional;

/**
 * One planted breach of the contract, applied by the {@link DeviationProxy} to the traffic between the suite and a
 * conforming mock. Every hook has a pass-through default, so a deviation overrides only where it deviates.
 *
 * <p>Hooks return the <em>same instance</em> they were given when they leave a message alone: the proxy counts every
 * other answer as one application of the deviation, and a deviation that never applied proves nothing (the self-test
 * then reports it as not planted rather than caught).
 *
 * <p>Order per partner request: {@link #answer} (may answer in place of the mock) → {@link #request} → the mock →
 * {@link #response}. Per webhook delivery from the mock: {@link #webhook} → the suite's inbox → {@link #webhookAnswered}.
 * Hooks run on the proxy's threads, concurrently: implementations keep their state thread-safe.
 */
public interface Deviation {

    /** No deviation: the control run. */
    Deviation NONE = new Deviation() {
    };

    /** Answers a partner request instead of the mock, or empty to let it through. */
    default Optional<ProxiedResponse> answer(ProxiedRequest request, Upstream mock) {
        return Optional.empty();
    }

    /** The request to forward to the mock. */
    default ProxiedRequest request(ProxiedRequest request) {
        return request;
    }

    /** The response to send back to the suite; {@code mock} allows extra calls (e.g. the same request as its owner). */
    default ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
        return response;
    }

    /** A {@code result.ready} delivery on its way to the suite's inbox; empty swallows it (the mock is told 200). */
    default Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
        return Optional.of(delivery);
    }

    /** What the inbox answered to a delivery that was relayed. */
    default void webhookAnswered(WebhookDelivery delivery, int status) {
    }

    /** Sends requests to the mock behind the proxy, untouched by any deviation. */
    @FunctionalInterface
    interface Upstream {
        ProxiedResponse send(ProxiedRequest request);
    }
}
