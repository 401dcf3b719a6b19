package dev.kadence.core.channel;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A delivery as {@code GET /channels/{id}/deliveries} shows it: when it goes next, or why it has not gone. */
@Serdeable
public record DeliveryView(UUID id, UUID notificationId, boolean test, String title, String status, int attempts,
                           Instant nextAttemptAt, String lastError, Instant deliveredAt, Instant createdAt) {
    static DeliveryView of(Delivery d) {
        boolean open = d.status() == DeliveryStatus.PENDING || d.status() == DeliveryStatus.SENDING;
        return new DeliveryView(d.id(), d.notificationId(), d.isTest(), d.title(), d.status().code(), d.attempts(),
            open ? d.nextAttemptAt() : null, d.lastError(), d.deliveredAt(), d.createdAt());
    }
}
