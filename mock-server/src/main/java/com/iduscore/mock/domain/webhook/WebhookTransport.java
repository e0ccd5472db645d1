package com.iduscore.mock.domain.webhook;

import java.net.URI;
import java.util.Map;

/** Sends one webhook delivery attempt. Implementations block for at most their own timeout and never throw. */
public interface WebhookTransport {
    DeliveryOutcome post(URI url, Map<String, String> headers, byte[] body);

    /**
     * What the receiver answered.
     *
     * @param statusCode the HTTP status, or {@code null} on a transport error
     * @param error      a short description of the transport error or non-2xx answer; {@code null} on success
     */
    record DeliveryOutcome(Integer statusCode, String error) {
        public boolean acknowledged() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }
}
