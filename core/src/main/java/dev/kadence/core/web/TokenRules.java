package dev.kadence.core.web;

import dev.kadence.core.user.Revocations;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.claims.JtiGenerator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a bearer token must carry beyond a valid signature, in every function that authenticates users: an expiry
 * ({@code exp}) still ahead, no {@code nbf} ahead (up to {@link #SKEW} of clock difference between pods), a subject
 * that is a user id (a UUID) and a {@code jti} (a UUID) that logout has not revoked ({@link Revocations}). A token
 * that fails any of these authenticates nobody: 401 problem+json, never a 500 further on.
 */
@Singleton
@Requires(classes = GenericJwtClaimsValidator.class)
class TokenRules<T> implements GenericJwtClaimsValidator<T> {
    static final Duration SKEW = Duration.ofSeconds(30);
    private static final Pattern UUID_TEXT =
        Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Revocations revocations;
    private final Clock clock = Clock.systemUTC();     // the wall clock, as Micronaut's token generator uses

    TokenRules(Revocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        Instant now = clock.instant();
        Instant expiry = instant(claims.get(Claims.EXPIRATION_TIME));
        if (expiry == null || !expiry.isAfter(now)) {
            return false;
        }
        Object notBeforeClaim = claims.get(Claims.NOT_BEFORE);
        Instant notBefore = instant(notBeforeClaim);
        if (notBeforeClaim != null && (notBefore == null || notBefore.isAfter(now.plus(SKEW)))) {
            return false;
        }
        UUID subject = uuid(claims.get(Claims.SUBJECT));
        UUID jti = uuid(claims.get(Claims.TOKEN_ID));
        return subject != null && jti != null && !revocations.isRevoked(jti);
    }

    static UUID uuid(Object claim) {
        return claim instanceof String text && UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : null;
    }

    private static Instant instant(Object claim) {
        return switch (claim) {
            case Date date -> date.toInstant();
            case Instant instant -> instant;
            case Number seconds -> Instant.ofEpochSecond(seconds.longValue());
            case null, default -> null;
        };
    }

    /** Every token issued carries a random jti, so logout can revoke exactly it. */
    @Singleton
    @Requires(classes = JtiGenerator.class)
    static class RandomJti implements JtiGenerator {
        @Override
        public String generateJtiClaim() {
            return UUID.randomUUID().toString();
        }
    }
}
