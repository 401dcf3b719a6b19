package dev.kadence.core.api;

import dev.kadence.core.error.Violations;
import dev.kadence.core.time.Zones;
import dev.kadence.core.user.Credentials;
import dev.kadence.core.user.Locales;
import dev.kadence.core.user.PasswordPolicy;
import dev.kadence.core.user.ProfileChange;
import dev.kadence.core.user.Signup;
import io.micronaut.json.tree.JsonNode;

import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code POST /auth/signup}, {@code POST /auth/login} and {@code PATCH /me} bodies, read field by field. */
public final class AccountRequests {
    /**
     * A practical addr-spec (RFC 5322's dot-atom on both sides, as mail providers take them): a local part of letters,
     * digits and {@code !#$%&'*+/=?^_`{|}~-} in dot-separated runs, at most 64 characters; one {@code @}; a domain of
     * at least two dot-separated labels of letters, digits and inner hyphens, each at most 63. No angle brackets,
     * quotes, spaces, control characters or quoted local parts ({@code <script>@example.com} is not an address).
     * Internationalised addresses are not taken: a domain goes in its ASCII (punycode) form.
     */
    private static final Pattern EMAIL = Pattern.compile(
        "(?=[^@]{1,64}@)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private AccountRequests() {
    }

    /** {@code {email, password, timezone?, locale?}}. */
    public static Signup signup(JsonNode json) {
        Violations violations = new Violations();
        Body body = Body.of(json, violations);
        String email = normalizeEmail("email", body.string("email"), violations);
        String password = body.string("password");
        if (password == null && !violations.has("password")) {
            violations.add("password", "required", "is required");
        } else if (password != null) {
            PasswordPolicy.Weakness weakness = PasswordPolicy.weakness(password);
            if (weakness != null) {
                violations.add("password", weakness.code, weakness.message);
            }
        }
        ZoneId timezone = Zones.parse("timezone", body.string("timezone"), violations);
        Locale locale = Locales.parse("locale", body.string("locale"), violations);
        violations.throwIfAny();
        return new Signup(email, password, timezone, locale);
    }

    /** {@code {email, password}}. */
    public static Credentials credentials(JsonNode json) {
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
        return new Credentials(email, password);
    }

    /** {@code {timezone?, locale?, move_series?}}: a field that is present must not be null. */
    public static ProfileChange profileChange(JsonNode json) {
        Violations violations = new Violations();
        Body body = Body.of(json, violations);
        ZoneId timezone = Zones.parse("timezone", present(body, "timezone", violations), violations);
        Locale locale = Locales.parse("locale", present(body, "locale", violations), violations);
        boolean moveSeries = body.bool("move_series");
        violations.throwIfAny();
        return new ProfileChange(timezone, locale, moveSeries);
    }

    /** The string in {@code field}, null when absent; present as null is a violation. */
    private static String present(Body body, String field, Violations violations) {
        String text = body.string(field);
        if (text == null && body.has(field) && !violations.has(field)) {
            violations.add(field, "required", "must not be null");
        }
        return text;
    }

    /** The trimmed, lower-cased address in {@code field}, or null with the violation. */
    static String normalizeEmail(String field, String raw, Violations violations) {
        if (raw == null) {
            if (!violations.has(field)) {
                violations.add(field, "required", "is required");
            }
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            violations.add(field, "invalid_email", "must be an email address");
            return null;
        }
        return email;
    }
}
