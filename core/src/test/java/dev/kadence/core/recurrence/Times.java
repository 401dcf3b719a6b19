package dev.kadence.core.recurrence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** Instants as the tables write them: "2026-03-08T03:30-04:00" (pinned offset), "2026-03-08T09:00" (local), "2026-03-08" (local, at {@code timeOfDay}). */
final class Times {
    private Times() {
    }

    static Instant at(String text, ZoneId zone, LocalDateTime timeOfDay) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atTime(timeOfDay.toLocalTime()).atZone(zone).toInstant();
        }
        if (text.length() > 16 && (text.endsWith("Z") || text.charAt(text.length() - 6) == '+' || text.charAt(text.length() - 6) == '-')) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return LocalDateTime.parse(text).atZone(zone).toInstant();
    }

    static Instant at(String text, ZoneId zone) {
        return at(text, zone, LocalDateTime.MIN);
    }

    static List<Instant> all(String texts, ZoneId zone, LocalDateTime timeOfDay) {
        if (texts == null || texts.isBlank()) {
            return List.of();
        }
        return Arrays.stream(texts.trim().split("\\s+")).map(t -> at(t, zone, timeOfDay)).toList();
    }
}
