package dev.kadence.core.user;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** An account. The time zone is the default for the user's recurring tasks and date-only filters. */
public record User(UUID id, String email, String passwordHash, String timezone, Instant createdAt, Instant updatedAt) {

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public User withTimezone(String zone, Instant now) {
        return new User(id, email, passwordHash, zone, createdAt, now);
    }
}
