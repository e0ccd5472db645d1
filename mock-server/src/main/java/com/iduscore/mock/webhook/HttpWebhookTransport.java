package com.iduscore.mock.webhook;

import com.iduscore.mock.domain.webhook.WebhookTransport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a webhook delivery with the JDK {@link HttpClient} (HTTP/1.1, 2 s connect timeout, a per-request timeout of
 * 5 s unless told otherwise). It never throws: a 2xx gives {@code (status, null)}, any other answer
 * {@code (status, "HTTP <status>")}, and a transport failure {@code (null, "<exception class>: <message>")}, so the
 * dispatch job can log the attempt and schedule the next one. The receiver's body is read and discarded; redirects are
 * not followed (a 3xx is a non-2xx answer). {@code Content-Type: application/json} is sent unless the caller sets one.
 */
public final class HttpWebhookTransport implements WebhookTransport {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final Duration requestTimeout;

    public HttpWebhookTransport() {
        this(DEFAULT_REQUEST_TIMEOUT);
    }

    public HttpWebhookTransport(Duration requestTimeout) {
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the webhook request timeout must be positive, was " + requestTimeout);
        }
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public DeliveryOutcome post(URI url, Map<String, String> headers, byte[] body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .timeout(requestTimeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300
                    ? new DeliveryOutcome(status, null)
                    : new DeliveryOutcome(status, "HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome(null, describe(e, url));
        } catch (Exception e) {
            // IOException, timeouts, and IllegalArgumentException for a URL or header HttpClient refuses
            return new DeliveryOutcome(null, describe(e, url));
        }
    }

    /** {@code "<class>: <message>"} naming the outermost exception, with the first message found along its causes. */
    static String describe(Throwable failure, URI url) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank()) {
                return failure.getClass().getSimpleName() + ": " + message;
            }
        }
        // HttpClient's ConnectException for a refused connection carries no message at all
        return failure.getClass().getSimpleName() + ": no answer from " + url.getHost() + ":" + port(url);
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
