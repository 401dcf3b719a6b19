package dev.kadence.core.user;

import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.Violations;
import dev.kadence.core.json.Body;
import dev.kadence.core.time.Zones;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Sign-up, sign-in and the user's own profile. Issuing tokens is the HTTP layer's business. */
@Singleton
public class Accounts {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MIN_PASSWORD = 8;

    private final UserStore users;
    private final Passwords passwords;
    private final Clock clock;

    Accounts(UserStore users, Passwords passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public User signup(JsonNode json) {
        Violations violations = new Violations();
        Body body = Body.of(json, violations);
        String email = normalizeEmail(body.string("email"), violations);
        String password = body.string("password");
        if (password == null && !violations.has("password")) {
            violations.add("password", "required", "is required");
        } else if (password != null && password.length() < MIN_PASSWORD) {
            violations.add("password", "too_short", "must have at least " + MIN_PASSWORD + " characters");
        } else if (password != null && password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            violations.add("password", "too_long", "must be at most " + Passwords.MAX_BYTES + " bytes");
        }
        String timezone = body.string("timezone");
        Zones.parse("timezone", timezone, violations);
        violations.throwIfAny();
        if (users.findByEmail(email).isPresent()) {
            throw new KadenceException(ErrorCode.EMAIL_TAKEN, "an account with this email exists");
        }
        Instant now = clock.instant();
        User user = new User(UUID.randomUUID(), email, passwords.hash(password), timezone == null ? "UTC" : timezone, now, now);
        if (!users.insert(user)) {   // a concurrent sign-up with the same email was first
            throw new KadenceException(ErrorCode.EMAIL_TAKEN, "an account with this email exists");
        }
        return user;
    }

    @Transactional
    public User authenticate(JsonNode json) {
        Violations violations = new Violations();
        Body body = Body.of(json, violations);
        String email = body.string("email");
        String password = body.string("password");
        if (email == null && !violations.has("email")) {
            violations.add("email", "required", "is required");
        }
        if (password == null && !violations.has("password")) {
            violations.add("password", "required", "is required");
        }
        violations.throwIfAny();
        User user = users.findByEmail(email.trim().toLowerCase(Locale.ROOT)).orElse(null);
        if (user == null) {
            passwords.matchDecoy(password);
            throw new KadenceException(ErrorCode.INVALID_CREDENTIALS, "wrong email or password");
        }
        if (!passwords.matches(password, user.passwordHash())) {
            throw new KadenceException(ErrorCode.INVALID_CREDENTIALS, "wrong email or password");
        }
        return user;
    }

    @Transactional
    public User get(UUID userId) {
        return users.findById(userId).orElseThrow(() ->
            new KadenceException(ErrorCode.UNAUTHENTICATED, "the account of this token no longer exists"));
    }

    @Transactional
    public User update(UUID userId, JsonNode json) {
        Violations violations = new Violations();
        Body body = Body.of(json, violations);
        User user = get(userId);
        if (body.has("timezone")) {
            String timezone = body.string("timezone");
            if (timezone == null && !violations.has("timezone")) {
                violations.add("timezone", "required", "must not be null");
            }
            Zones.parse("timezone", timezone, violations);
            violations.throwIfAny();
            user = user.withTimezone(timezone, clock.instant());
            users.updateTimezone(user);
        }
        violations.throwIfAny();
        return user;
    }

    private static String normalizeEmail(String raw, Violations violations) {
        if (raw == null) {
            if (!violations.has("email")) {
                violations.add("email", "required", "is required");
            }
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            violations.add("email", "invalid_email", "must be an email address");
            return null;
        }
        return email;
    }
}
