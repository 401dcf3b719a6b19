package dev.kadence.core.time;

import dev.kadence.core.error.Violations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Supplier;

/** Parsing of the API's time values: RFC 3339 timestamps with an explicit offset, and calendar dates. */
public final class Times {
    private Times() {
    }

    /** The times Kadence keeps: years 1 to 9999, in UTC (PostgreSQL's timestamptz holds more, Java's parser far more). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** An RFC 3339 date-time with offset ({@code 2026-11-27T14:00:00+01:00}), or null after recording why not. */
    public static Instant instant(String field, String value, Violations violations) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                .truncatedTo(ChronoUnit.MICROS);
            return inRange(field, instant, violations);
        } catch (DateTimeParseException e) {
            violations.add(field, "invalid_datetime", "must be an RFC 3339 date-time with offset, e.g. 2026-11-27T14:00:00+01:00");
            return null;
        }
    }

    /**
     * A bound of a time range in a query: an RFC 3339 date-time, or a plain date read in {@code zone}.
     * A date means the start of that day for a lower bound and the start of the next day for an
     * (exclusive) upper bound, so {@code due_to=2026-11-30} includes all of November 30th. The zone is asked
     * for only when a plain date is given.
     */
    public static Instant rangeBound(String field, String value, Supplier<ZoneId> zone, boolean upper, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() == 10) {
            try {
                LocalDate date = LocalDate.parse(value);
                return inRange(field, (upper ? date.plusDays(1) : date).atStartOfDay(zone.get()).toInstant(), violations);
            } catch (DateTimeParseException e) {
                violations.add(field, "invalid_datetime", "must be a date (2026-11-27) or an RFC 3339 date-time with offset");
                return null;
            }
        }
        return instant(field, value, violations);
    }

    /** True when {@code instant} is one Kadence keeps (years 1 to 9999): PostgreSQL can store it, a client can show it. */
    public static boolean supported(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** {@code instant} if it is {@link #supported}, else null after recording {@code out_of_range}. */
    public static Instant inRange(String field, Instant instant, Violations violations) {
        if (!supported(instant)) {
            violations.add(field, "out_of_range", "must be between the years 0001 and 9999");
            return null;
        }
        return instant;
    }
}
