package dev.kadence.core.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reminder as the API states it: at a time ({@code at}) or a duration before the task is due ({@code before_due}). */
public record ReminderSpec(Instant at, String beforeDue) {
    public static final int MAX_PER_TASK = 10;
    private static final Duration MAX_BEFORE = Duration.ofDays(366);
    private static final Pattern WEEKS = Pattern.compile("P(\\d{1,3})W");

    /**
     * A reminder {@code text} (an ISO-8601 duration such as PT15M, P1D or P2W) before the task is due, or null unless
     * that is a duration from zero (at the due time) to a year.
     */
    public static ReminderSpec beforeDue(String text) {
        Duration before = duration(text);
        if (before == null || before.isNegative() || before.compareTo(MAX_BEFORE) > 0) {
            return null;
        }
        return new ReminderSpec(null, text.toUpperCase(Locale.ROOT));
    }

    /**
     * The longest {@code before_due} read: {@code P6DT23H59M59S} is 14 characters. A longer one is not a duration a
     * user writes, and {@code Duration.parse} of half a megabyte cost ~90 ms (the hostile-input table).
     */
    static final int MAX_DURATION_LENGTH = 32;

    public Duration beforeDueDuration() {
        return beforeDue == null ? null : duration(beforeDue);
    }

    /** When this reminder fires for a task due at {@code dueAt} (null for a relative reminder of an undated task). */
    public Instant fireAt(Instant dueAt) {
        if (at != null) {
            return at;
        }
        return dueAt == null ? null : dueAt.minus(beforeDueDuration());
    }

    static Duration duration(String text) {
        if (text == null || text.length() > MAX_DURATION_LENGTH) {
            return null;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        Matcher weeks = WEEKS.matcher(upper);
        if (weeks.matches()) {
            return Duration.ofDays(7L * Integer.parseInt(weeks.group(1)));
        }
        try {
            return Duration.parse(upper);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
