package dev.kadence.core.channel;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * One of a user's notification channels: a webhook ({@code url}, {@code format}, the {@code secret} its Kadence-format
 * payloads are signed with) or an email {@code address}. Paused (by the user, or by the relay after
 * {@link RetrySchedule#PAUSE_AFTER} failures in a row) it receives nothing until resumed.
 */
public record Channel(UUID id, UUID userId, ChannelType type, URI url, WebhookFormat format, String secret,
                      String address, Instant pausedAt, String pausedReason, int consecutiveFailures, String lastError,
                      Instant lastSuccessAt, Instant createdAt) {

    public boolean paused() {
        return pausedAt != null;
    }

    /** Where it delivers, as the user typed it. */
    public String target() {
        return type == ChannelType.WEBHOOK ? url.toString() : address;
    }
}
