package dev.kadence.core.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one channel: a notification ({@code notificationId}) or a test message (none). Its {@code id} is sent
 * with every attempt ({@code Kadence-Delivery}), so a receiver can drop a repeat.
 */
public record Delivery(UUID id, UUID channelId, UUID userId, UUID notificationId, String title, String message,
                       String link, DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant leaseUntil,
                       String lastError, Instant deliveredAt, Instant createdAt) {

    public boolean isTest() {
        return notificationId == null;
    }
}
