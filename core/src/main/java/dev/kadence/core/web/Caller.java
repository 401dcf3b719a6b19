package dev.kadence.core.web;

import java.security.Principal;
import java.time.Instant;
import java.util.UUID;

/**
 * Who is calling: the user a valid bearer token names ({@code sub}), the token's id ({@code jti}, by which logout
 * revokes it) and its expiry. A controller method that takes a {@code Caller} needs one — without a valid token the
 * request is a 401 before the method runs ({@link Authenticate}); a {@code @Nullable Caller} is there when a valid
 * token came and null otherwise. It is the request's {@link Principal} (its name the user id), so the request log
 * names the user and the OpenAPI document leaves it out of each operation's parameters.
 */
public record Caller(UUID id, UUID tokenId, Instant expiresAt) implements Principal {
    @Override
    public String getName() {
        return id.toString();
    }
}
