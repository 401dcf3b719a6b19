package dev.kadence.core.user;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** How a user is shown to themselves (never the password hash). */
@Serdeable
public record UserView(UUID id, String email, String timezone, String locale, Instant createdAt) {
    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.timezone(), user.locale(), user.createdAt());
    }
}
