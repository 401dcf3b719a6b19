package dev.kadence.core.user;

import dev.kadence.core.language.ReadingContext.DateOrder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * An account. The time zone is the default for the user's recurring tasks and date-only filters; the locale (a BCP 47
 * tag, {@link Locales}) says how the user writes dates.
 */
public record User(UUID id, String email, String passwordHash, String timezone, String locale, Instant createdAt,
                   Instant updatedAt) {

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** How this user writes a numeric date such as 04/12. */
    public DateOrder dateOrder() {
        return Locales.dateOrder(Locale.forLanguageTag(locale));
    }

    public User withTimezone(String zone, Instant now) {
        return new User(id, email, passwordHash, zone, locale, createdAt, now);
    }

    public User withLocale(String tag, Instant now) {
        return new User(id, email, passwordHash, timezone, tag, createdAt, now);
    }
}
