package dev.kadence.taskcrud;

import dev.kadence.core.user.User;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Signs bearer tokens (HS256, secret from KADENCE_JWT_SECRET); the subject is the user id. */
@Singleton
class Tokens {
    private final JwtTokenGenerator generator;
    private final Clock clock;
    private final int ttlSeconds;

    Tokens(JwtTokenGenerator generator, Clock clock,
           @Value("${micronaut.security.token.generator.access-token.expiration:86400}") int ttlSeconds) {
        this.generator = generator;
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
}
