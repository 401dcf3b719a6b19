package dev.kadence.core.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@link Signup#MIN_PASSWORD} characters, counted as code points once the
 * invisible ones (Unicode format characters such as zero-width spaces, and whitespace) are left out; not one character
 * repeated, not a run like {@code 12345678} or {@code hgfedcba}, and not one of the 10,000 most common passwords (the
 * bundled {@code common-passwords.txt}, from zxcvbn; case does not matter). At most {@link Signup#MAX_PASSWORD_BYTES}
 * bytes of UTF-8, which bcrypt reads. A pure function of the password.
 */
public final class PasswordPolicy {
    /** Why a password is refused: the violation code and its message. */
    public enum Weakness {
        TOO_SHORT("too_short", "must have at least " + Signup.MIN_PASSWORD + " visible characters"),
        TOO_LONG("too_long", "must be at most " + Signup.MAX_PASSWORD_BYTES + " bytes"),
        ONE_CHARACTER("weak_password", "is one character repeated"),
        SEQUENCE("weak_password", "is a simple sequence"),
        COMMON("weak_password", "is one of the most common passwords");

        public final String code;
        public final String message;

        Weakness(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    private static volatile Set<String> common;   // read on first use: sign-up is rare, a cold start is not

    private PasswordPolicy() {
    }

    /** Why {@code password} may not be set, or null when it may. */
    public static Weakness weakness(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > Signup.MAX_PASSWORD_BYTES) {
            return Weakness.TOO_LONG;
        }
        int[] visible = visible(password);
        if (visible.length < Signup.MIN_PASSWORD) {
            return Weakness.TOO_SHORT;
        }
        if (oneCharacter(visible)) {
            return Weakness.ONE_CHARACTER;
        }
        if (sequence(visible)) {
            return Weakness.SEQUENCE;
        }
        if (common().contains(new String(visible, 0, visible.length).toLowerCase(Locale.ROOT))) {
            return Weakness.COMMON;
        }
        return null;
    }

    /** The code points of {@code password} without format characters (Cf: zero-width spaces, joiners, marks) and whitespace. */
    static int[] visible(String password) {
        return password.codePoints()
            .filter(c -> Character.getType(c) != Character.FORMAT && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
            .toArray();
    }

    private static boolean oneCharacter(int[] chars) {
        for (int c : chars) {
            if (Character.toLowerCase(c) != Character.toLowerCase(chars[0])) {
                return false;
            }
        }
        return true;
    }

    /** Each character one step up or one step down from the one before ({@code abcdefgh}, {@code 98765432}). */
    private static boolean sequence(int[] chars) {
        int step = Character.toLowerCase(chars[1]) - Character.toLowerCase(chars[0]);
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 2; i < chars.length; i++) {
            if (Character.toLowerCase(chars[i]) - Character.toLowerCase(chars[i - 1]) != step) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> common() {
        Set<String> set = common;
        if (set == null) {
            set = load();
            common = set;
        }
        return set;
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    set.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
