package dev.kadence.taskcrud;

import dev.kadence.core.user.Revocations;
import dev.kadence.core.user.User;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Signs bearer tokens (HS256, secret from KADENCE_JWT_SECRET): the subject is the user id, {@code jti} a random UUID
 * (core's {@code TokenRules.RandomJti}) by which logout revokes the token.
 */
@Singleton
class Tokens {
    private final JwtTokenGenerator generator;
    private final Revocations revocations;
    private final Clock clock;
    private final int ttlSeconds;

    Tokens(JwtTokenGenerator generator, Revocations revocations, Clock clock,
           @Value("${micronaut.security.token.generator.access-token.expiration:86400}") int ttlSeconds) {
        this.generator = generator;
        this.revocations = revocations;
        this.clock = clock;
        this.ttlSeconds = ttlSeconds;
    }

    record Token(String value, Instant expiresAt) {
    }

    Token issue(User user) {
        Authentication authentication = Authentication.build(user.id().toString(), Map.of("email", user.email()));
        String value = generator.generateToken(authentication, ttlSeconds)
            .orElseThrow(() -> new IllegalStateException("no token generator is configured"));
        return new Token(value, clock.instant().plusSeconds(ttlSeconds).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Revokes the token of {@code auth} (its jti) until it expires. Core's {@code TokenRules} let only such tokens in. */
    void revoke(Authentication auth) {
        Object expiry = auth.getAttributes().get("exp");
        Instant expiresAt = expiry instanceof Date date ? date.toInstant()
            : expiry instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue())
            : clock.instant().plusSeconds(ttlSeconds);
        revocations.revoke(UUID.fromString((String) auth.getAttributes().get("jti")), Ids.caller(auth), expiresAt);
    }
}
