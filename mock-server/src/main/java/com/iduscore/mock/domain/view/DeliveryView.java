package com.iduscore.mock.domain.view;

import java.time.Instant;
import java.util.UUID;

/** One webhook delivery attempt, as GET /__admin/iduscore/webhook-deliveries lists it. */
public record DeliveryView(UUID deliveryId, UUID submissionId, String url, int attempt, Integer statusCode,
                           String error, Instant at) {
}
