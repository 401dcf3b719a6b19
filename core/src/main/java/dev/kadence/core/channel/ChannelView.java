package dev.kadence.core.channel;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel as the API shows it: {@code status} active or paused (with {@code paused_reason}), the last error, and when
 * its next delivery attempt is due. {@code secret} (a webhook's signing key) is only in the answer that made it.
 */
@Serdeable
public record ChannelView(UUID id, String type, String url, String format, String address, String status,
                          Instant pausedAt, String pausedReason, int consecutiveFailures, String lastError,
                          Instant lastSuccessAt, Instant nextAttemptAt, Instant createdAt, String secret) {

    static ChannelView of(Channel c, Instant nextAttemptAt) {
        return new ChannelView(c.id(), c.type().code(), c.url() == null ? null : c.url().toString(),
            c.format() == null ? null : c.format().code(), c.address(), c.paused() ? "paused" : "active", c.pausedAt(),
            c.pausedReason(), c.consecutiveFailures(), c.lastError(), c.lastSuccessAt(), nextAttemptAt, c.createdAt(), null);
    }

    ChannelView withSecret(String secret) {
        return new ChannelView(id, type, url, format, address, status, pausedAt, pausedReason, consecutiveFailures,
            lastError, lastSuccessAt, nextAttemptAt, createdAt, secret);
    }
}
