package dev.kadence.core.recurrence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The occurrences of a series: RRULE {@code rule} (as {@link Rules#parse} and {@link Rules#inZone} left it), first
 * due at {@code start} (DTSTART, always the first occurrence), evaluated in local wall time of {@code zone}.
 * Pure: the same inputs give the same answer, and no clock is read.
 */
public final class NextOccurrence {
    private NextOccurrence() {
    }

    /** The first occurrence strictly after {@code after}; empty when COUNT or UNTIL has ended the series. */
    public static Optional<Instant> after(String rule, ZoneId zone, Instant start, Instant after) {
        return upcoming(rule, zone, start, after, 1).stream().findFirst();
    }

    /** The next {@code n} occurrences strictly after {@code after}, fewer when the series ends. */
    public static List<Instant> upcoming(String rule, ZoneId zone, Instant start, Instant after, int n) {
        return List.copyOf(new Occurrences(rule, zone, start).after(after, n));
    }
}
