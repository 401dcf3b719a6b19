package dev.kadence.taskcrud;

import dev.kadence.core.user.Revocations;
import dev.kadence.core.user.User;
import dev.kadence.core.web.BearerTokens;
import dev.kadence.core.web.Caller;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Issues bearer tokens at sign-up and login (core's {@link BearerTokens}: HS256 with KADENCE_JWT_SECRET, the subject
 * the user id, a random {@code jti}) and revokes one at logout, by its jti, until it would have expired.
 */
@Singleton
class Tokens {
    private final BearerTokens tokens;
    private final Revocations revocations;
    private final Duration ttl;

    Tokens(BearerTokens tokens, Revocations revocations, @Value("${kadence.auth.token-ttl-seconds:86400}") int ttlSeconds) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.ttl = Duration.ofSeconds(ttlSeconds);
    }

    BearerTokens.Issued issue(User user) {
        return tokens.issue(user.id(), user.email(), ttl);
    }

    /** Revokes the token {@code caller} came with. Core's {@code BearerTokens} let no revoked token in. */
    void revoke(Caller caller) {
        revocations.revoke(caller.tokenId(), caller.id(), caller.expiresAt());
    }
}
