package com.iduscore.mock.junit5;

import com.iduscore.mock.domain.view.DeliveryView;
import org.opentest4j.AssertionFailedError;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Fluent assertions on what the mock sent, in the style of AssertJ (no AssertJ needed): each failure says what was
 * expected and lists what came.
 *
 * <pre>{@code
 * import static com.iduscore.mock.junit5.IduScoreAssertions.assertThat;
 *
 * assertThat(mock.deliveries()).hasResultReadyFor(submissionId).allSignedWith(mock.tenantA().webhookSecret());
 * assertThat(mock.deliveryLog()).hasAttemptsFor(submissionId, 5);
 * }</pre>
 */
public final class IduScoreAssertions {
    private IduScoreAssertions() {
    }

    /** On the webhooks the extension's receiver got ({@link IduScoreMock#deliveries()}). */
    public static WebhookDeliveriesAssert assertThat(List<WebhookDelivery> deliveries) {
        return new WebhookDeliveriesAssert(deliveries);
    }

    /** On the mock's own log of delivery attempts ({@link IduScoreMock#deliveryLog()}). */
    public static DeliveryLogAssert assertThatLog(List<DeliveryView> attempts) {
        return new DeliveryLogAssert(attempts);
    }

    /** Assertions on received webhooks. */
    public static final class WebhookDeliveriesAssert {
        private final List<WebhookDelivery> actual;

        WebhookDeliveriesAssert(List<WebhookDelivery> actual) {
            this.actual = List.copyOf(Objects.requireNonNull(actual, "deliveries"));
        }

        /** At least one {@code result.ready} delivery whose body names {@code submissionId}. */
        public WebhookDeliveriesAssert hasResultReadyFor(Object submissionId) {
            String id = String.valueOf(submissionId);
            boolean found = actual.stream().anyMatch(d -> "result.ready".equals(d.event()) && id.equals(d.submissionId()));
            if (!found) {
                throw new AssertionFailedError("Expected a result.ready webhook for submission " + id + ", but "
                        + describe(actual), "result.ready for " + id, list(actual));
            }
            return this;
        }

        /** No delivery names {@code submissionId}. */
        public WebhookDeliveriesAssert hasNoneFor(Object submissionId) {
            String id = String.valueOf(submissionId);
            List<WebhookDelivery> matching = actual.stream().filter(d -> id.equals(d.submissionId())).toList();
            if (!matching.isEmpty()) {
                throw new AssertionFailedError("Expected no webhook for submission " + id + ", but " + describe(matching));
            }
            return this;
        }

        public WebhookDeliveriesAssert hasSize(int expected) {
            if (actual.size() != expected) {
                throw new AssertionFailedError("Expected " + expected + " webhook(s), but " + describe(actual), expected, actual.size());
            }
            return this;
        }

        public WebhookDeliveriesAssert isNotEmpty() {
            if (actual.isEmpty()) {
                throw new AssertionFailedError("Expected at least one webhook, but none was received");
            }
            return this;
        }

        /**
         * Every delivery (there must be one) carries a timestamp and a {@code v1=} signature that is the HMAC-SHA256 of
         * {@code timestamp + "." + raw body} under {@code secret}.
         */
        public WebhookDeliveriesAssert allSignedWith(String secret) {
            Objects.requireNonNull(secret, "secret");
            isNotEmpty();
            List<String> wrong = new ArrayList<>();
            for (WebhookDelivery delivery : actual) {
                String timestamp = delivery.timestamp();
                String signature = delivery.signature();
                if (timestamp == null || signature == null) {
                    wrong.add(delivery.summary() + ": " + (timestamp == null ? "no X-Idunox-Timestamp" : "no X-Idunox-Signature"));
                    continue;
                }
                String expected = WebhookSignatures.expected(secret, timestamp, delivery.body());
                if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
                    wrong.add(delivery.summary() + ": expected signature " + expected + " but came " + signature);
                }
            }
            if (!wrong.isEmpty()) {
                throw new AssertionFailedError("Expected every webhook signed with the given secret (v1= hex HMAC-SHA256 of"
                        + " timestamp + \".\" + raw body), but " + wrong.size() + " of " + actual.size() + " were not:\n  - "
                        + String.join("\n  - ", wrong));
            }
            return this;
        }

        public List<WebhookDelivery> actual() {
            return actual;
        }

        private static String describe(List<WebhookDelivery> deliveries) {
            return deliveries.isEmpty() ? "none was received"
                    : deliveries.size() + " came:\n  - " + list(deliveries).replace("\n", "\n  - ");
        }

        private static String list(List<WebhookDelivery> deliveries) {
            return deliveries.stream().map(WebhookDelivery::summary).collect(Collectors.joining("\n"));
        }
    }

    /** Assertions on the mock's delivery attempt log. */
    public static final class DeliveryLogAssert {
        private final List<DeliveryView> actual;

        DeliveryLogAssert(List<DeliveryView> actual) {
            this.actual = List.copyOf(Objects.requireNonNull(actual, "attempts"));
        }

        /** Exactly {@code expected} attempts for the submission. */
        public DeliveryLogAssert hasAttemptsFor(Object submissionId, int expected) {
            UUID id = UUID.fromString(String.valueOf(submissionId));
            List<DeliveryView> attempts = actual.stream().filter(a -> id.equals(a.submissionId())).toList();
            if (attempts.size() != expected) {
                throw new AssertionFailedError("Expected " + expected + " delivery attempt(s) for submission " + id
                        + ", but " + describe(attempts), expected, attempts.size());
            }
            return this;
        }

        /** The last attempt for the submission was answered with a 2xx. */
        public DeliveryLogAssert wasAcknowledgedFor(Object submissionId) {
            UUID id = UUID.fromString(String.valueOf(submissionId));
            List<DeliveryView> attempts = actual.stream().filter(a -> id.equals(a.submissionId())).toList();
            DeliveryView last = attempts.isEmpty() ? null : attempts.getLast();
            if (last == null || last.statusCode() == null || last.statusCode() / 100 != 2) {
                throw new AssertionFailedError("Expected the last delivery attempt for submission " + id
                        + " to be acknowledged with a 2xx, but " + describe(attempts));
            }
            return this;
        }

        private static String describe(List<DeliveryView> attempts) {
            return attempts.isEmpty() ? "there was none" : attempts.size() + " came:\n  - " + attempts.stream()
                    .map(a -> "attempt " + a.attempt() + " at " + a.at() + " to " + a.url() + ": "
                            + (a.statusCode() != null ? "answered " + a.statusCode() : "failed: " + a.error()))
                    .collect(Collectors.joining("\n  - "));
        }
    }
}
