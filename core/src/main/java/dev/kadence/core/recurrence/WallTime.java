package dev.kadence.core.recurrence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Local wall time to instant, with the DST rules of DESIGN §4: a time in a spring-forward gap moves forward by
 * the length of the gap (02:30 → 03:30), an ambiguous time in a fall-back overlap is its first (earlier) instant.
 * Public for the language engine, whose dates and times are local wall time too.
 */
public final class WallTime {
    private WallTime() {
    }

    public static Instant instant(LocalDateTime local, ZoneId zone) {
        // ofLocal with no preferred offset: gap → shifted later by the gap; overlap → the earlier offset (first instant)
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
