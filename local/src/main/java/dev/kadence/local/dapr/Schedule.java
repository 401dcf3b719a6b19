package dev.kadence.local.dapr;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * When a Dapr job or cron binding fires next. Takes the forms Dapr documents: six-field cron, a Go duration
 * ("2h45m" = every 2 h 45 min), {@code @every <duration>}, and {@code @yearly}/{@code @monthly}/{@code @weekly}/
 * {@code @daily}/{@code @hourly}. Calendar forms are read in the server's zone, as Dapr does.
 */
sealed interface Schedule {
    Map<String, String> PERIODS = Map.of("@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
        "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *", "@hourly", "0 0 * * * *");

    Instant next(Instant after);

    record Every(Duration interval) implements Schedule {
        public Instant next(Instant after) {
            return after.plus(interval);
        }
    }

    record Cron(CronExpression expression, ZoneId zone) implements Schedule {
        public Instant next(Instant after) {
            return expression.next(after.atZone(zone)).toInstant();
        }
    }

    static Schedule parse(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("@every ")) {
            return every(s.substring("@every ".length()));
        }
        if (PERIODS.containsKey(lower)) {
            return new Cron(CronExpression.parse(PERIODS.get(lower)), ZoneId.systemDefault());
        }
        Duration d = GoDuration.parse(s);
        if (d != null) {
            return every(s);
        }
        return new Cron(CronExpression.parse(s), ZoneId.systemDefault());
    }

    private static Every every(String duration) {
        Duration d = GoDuration.parse(duration);
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("not a positive Go duration: " + duration);
        }
        return new Every(d);
    }

    /** A point in time as Dapr takes it for dueTime and ttl: RFC 3339, or a Go duration from {@code now}. */
    static Instant pointInTime(String text, Instant now) {
        Duration d = GoDuration.parse(text);
        if (d != null) {
            return now.plus(d);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time or a Go duration: " + text);
        }
    }
}
