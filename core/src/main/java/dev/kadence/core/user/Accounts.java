package dev.kadence.core.user;

import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.TooManyAttempts;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Sign-up, sign-in and the user's own profile. Issuing tokens is the HTTP layer's business. */
@Singleton
public class Accounts {
    private final UserStore users;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Clock clock;

    Accounts(UserStore users, Passwords passwords, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Transactional
    public User signup(Signup signup) {
        if (users.findByEmail(signup.email()).isPresent()) {
            throw new KadenceException(ErrorCode.EMAIL_TAKEN, "an account with this email exists");
        }
        Instant now = clock.instant();
        String timezone = signup.timezone() == null ? "UTC" : signup.timezone().getId();
        String locale = signup.locale() == null ? Locales.DEFAULT : signup.locale().toLanguageTag();
        User user = new User(UUID.randomUUID(), signup.email(), passwords.hash(signup.password()), timezone, locale, now, now);
        if (!users.insert(user)) {   // a concurrent sign-up with the same email was first
            throw new KadenceException(ErrorCode.EMAIL_TAKEN, "an account with this email exists");
        }
        return user;
    }

    /**
     * The account of {@code credentials}, tried from {@code address} (null: unknown). Every answer costs one bcrypt
     * check — an unknown email, a wrong password, a throttled account or address alike — so its time tells nothing.
     * Past the limits of {@link LoginThrottle} the answer is 429, for the right password too, so it cannot be probed.
     * Not one transaction: each attempt is counted (and committed) before the password is checked.
     */
    public User authenticate(Credentials credentials, String address) {
        String email = credentials.email().trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Duration wait = throttle.attempt(email, address, now);
        if (wait != null) {
            passwords.matchDecoy(credentials.password());
            throw new TooManyAttempts(wait);
        }
        User user = users.findByEmail(email).orElse(null);
        if (user == null) {
            passwords.matchDecoy(credentials.password());
            throw new KadenceException(ErrorCode.INVALID_CREDENTIALS, "wrong email or password");
        }
        if (!passwords.matches(credentials.password(), user.passwordHash())) {
            throw new KadenceException(ErrorCode.INVALID_CREDENTIALS, "wrong email or password");
        }
        throttle.succeeded(email, address, now);
        return user;
    }

    /**
     * The account of {@code userId}; 401 when it no longer exists. One statement, so no transaction of its own: outside
     * one it is a single round trip to PostgreSQL (a quick-add parse's only one), inside one it joins.
     */
    public User get(UUID userId) {
        return users.findById(userId).orElseThrow(() ->
            new KadenceException(ErrorCode.UNAUTHENTICATED, "the account of this token no longer exists"));
    }

    @Transactional
    public User update(UUID userId, ProfileChange change) {
        User user = get(userId);
        if (change.timezone() == null && change.locale() == null) {
            return user;
        }
        Instant now = clock.instant();
        if (change.timezone() != null) {
            user = user.withTimezone(change.timezone().getId(), now);
        }
        if (change.locale() != null) {
            user = user.withLocale(change.locale().toLanguageTag(), now);
        }
        users.updateProfile(user);
        return user;
    }
}
