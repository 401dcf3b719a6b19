package dev.kadence.core.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/** bcrypt hashing. The cost is configurable so tests can use the minimum; production keeps the default. */
@Singleton
class Passwords {
    static final int MAX_BYTES = Signup.MAX_PASSWORD_BYTES;
    private final int cost;
    private volatile String decoy;     // made on first use: a bcrypt hash at start-up would slow every cold start

    Passwords(@Value("${kadence.auth.bcrypt-cost:11}") int cost) {
        this.cost = cost;
    }

    String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check, so response times do not reveal which emails exist. */
    void matchDecoy(String password) {
        if (decoy == null) {
            decoy = hash("decoy-password-for-unknown-emails");
        }
        matches(password, decoy);
    }
}
