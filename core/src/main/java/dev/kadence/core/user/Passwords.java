package dev.kadence.core.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    /**
     * Whether {@code password} is the one hashed. A password longer than any that could be set ({@link #MAX_BYTES}) is
     * not — checked at a hash's cost all the same (bcrypt itself refuses such input), so its answer takes as long.
     */
    boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            BCrypt.verifyer().verify(Arrays.copyOf(bytes, MAX_BYTES), hash.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check, so response times do not reveal which emails exist. */
    void matchDecoy(String password) {
        if (decoy == null) {
            decoy = hash("decoy-password-for-unknown-emails");
        }
        matches(password, decoy);
    }
}
