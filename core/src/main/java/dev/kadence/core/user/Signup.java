package dev.kadence.core.user;

import java.time.ZoneId;
import java.util.Locale;

/**
 * A new account: a normalised email (trimmed, lower-case), a password that {@link PasswordPolicy} accepts (at least
 * {@link #MIN_PASSWORD} visible characters, at most {@link #MAX_PASSWORD_BYTES} bytes), the user's zone (null: UTC) and locale (null: {@link Locales#DEFAULT}).
 * {@code core.api.AccountRequests} reads requests into it.
 */
public record Signup(String email, String password, ZoneId timezone, Locale locale) {
    public static final int MIN_PASSWORD = 8;
    /** bcrypt ignores anything longer, so longer passwords are refused. */
    public static final int MAX_PASSWORD_BYTES = 72;
}
