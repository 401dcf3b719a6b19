package dev.kadence.assistant;

import dev.kadence.core.error.Violations;
import dev.kadence.core.language.QuickAdd;
import dev.kadence.core.language.ReadingContext;
import dev.kadence.core.recurrence.Mode;
import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.time.Times;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an MCP tool's arguments say about time — when a task is due, how it repeats, when to remind — read as the API
 * takes it (RFC 3339, an RRULE, an ISO-8601 duration) or, failing that, as words by core's language engine, exactly as
 * a quick add reads them: in the user's zone, with their date order, at this moment ({@link ReadingContext}). The model
 * on the other end never computes a date. Words must be read whole: "tomorrow at 5pm" is a due time, "tomorrow at 5pm
 * with Bob" is not (what would "with Bob" be?), and is an error naming the argument rather than a guess.
 */
final class SaidTimes {
    static final int MAX_TEXT = 200;
    private static final Pattern RFC_3339 = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[Tt].*");
    private static final Pattern RRULE = Pattern.compile("^(?i)(?:RRULE:)?FREQ=.*");
    private static final Pattern ISO_DURATION = Pattern.compile("^(?i)P[0-9YMWDTHS.]+$");
    private static final Pattern REMIND = Pattern.compile("^(?i)remind(?:\\s+me)?\\s+");
    private static final DateTimeFormatter SAID = DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm");
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    private final ReadingContext context;

    SaidTimes(ReadingContext context) {
        this.context = context;
    }

    ReadingContext context() {
        return context;
    }

    /** A repeat as read: the rule (an RRULE in the user's zone) and mode, and its first due time (null for an RRULE). */
    record Repeat(RecurrenceSpec spec, Instant firstDue) {
    }

    /** A due time: RFC 3339, or words such as "tomorrow at 5pm", "Dec 24" (the end of that day), "next Friday 9:30". */
    Instant due(String field, String text, Violations v) {
        String t = text.strip();
        if (RFC_3339.matcher(t).matches()) {
            return Times.instant(field, t, v);
        }
        QuickAdd.Reading r = QuickAdd.read(t, context);
        if (r.dueAt() != null && onlyTime(r) && r.recurrence() == null && r.reminders().isEmpty()) {
            return r.dueAt();
        }
        v.add(field, "unreadable_date", "could not read \"" + t + "\" as a date: say it as \"tomorrow at 5pm\", \"Dec 24\","
            + " \"next Friday at 9:30\" or \"in 3 days\", or give RFC 3339 (2026-12-24T17:00:00+01:00)");
        return null;
    }

    /**
     * A bound of a range in a search: a date (2026-12-24) or RFC 3339 as the API takes them, or words; words for a day
     * without a time ("next Friday") mean that whole day, as a plain date does.
     */
    String bound(String field, String text, Violations v) {
        String t = text.strip();
        if (RFC_3339.matcher(t).matches() || t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return t;
        }
        Instant at = due(field, t, v);
        if (at == null) {
            return null;
        }
        ZonedDateTime local = at.atZone(context.zone());
        return local.toLocalTime().equals(END_OF_DAY) ? local.toLocalDate().toString() : rfc3339(at);
    }

    /**
     * How a task repeats: an RRULE ({@code FREQ=WEEKLY;BYDAY=MO}, in the user's zone; the API checks it), or words
     * such as "every Monday at 9am", "every weekday", "every! 2 weeks" (after completion), "every month on the 1st".
     */
    Repeat repeat(String field, String text, Violations v) {
        String t = text.strip();
        if (RRULE.matcher(t).matches()) {
            return new Repeat(new RecurrenceSpec(t, context.zone(), Mode.SCHEDULE), null);
        }
        QuickAdd.Reading r = QuickAdd.read(t, context);
        if (r.recurrence() != null && onlyTime(r) && r.reminders().isEmpty()) {
            RecurrenceSpec spec = r.recurrence();
            return new Repeat(new RecurrenceSpec(spec.rule(), spec.zone() == null ? context.zone() : spec.zone(), spec.mode()),
                r.dueAt());
        }
        v.add(field, "unreadable_repeat", "could not read \"" + t + "\" as a repeat: say it as \"every Monday at 9am\","
            + " \"every weekday\", \"every 2 weeks\", \"every month on the 1st\", \"every! 3 days\" (after completion),"
            + " or give an RRULE (FREQ=WEEKLY;BYDAY=MO)");
        return null;
    }

    /**
     * The reminders one text asks for, for a task due at {@code due} (null: none): an ISO-8601 duration before the due
     * time (PT15M), an RFC 3339 time, or words — "15 minutes before", "1 day and 1 hour before", "at 8:45" (on the due
     * day), "tomorrow at 9am". For a task that repeats, a time earlier on the due day becomes a duration before it, so
     * that it comes with every instance.
     */
    List<ReminderSpec> reminders(String field, String text, Instant due, boolean repeats, Violations v) {
        String t = text.strip();
        if (ISO_DURATION.matcher(t).matches()) {
            ReminderSpec before = ReminderSpec.beforeDue(t);
            if (before == null) {
                v.add(field, "invalid_duration", "must be an ISO-8601 duration of at most a year, e.g. PT15M, PT1H, P1D");
                return List.of();
            }
            return List.of(before);
        }
        if (RFC_3339.matcher(t).matches()) {
            Instant at = Times.instant(field, t, v);
            return at == null ? List.of() : List.of(new ReminderSpec(at, null));
        }
        String words = REMIND.matcher(t).replaceFirst("");
        List<ReminderSpec> read = due != null ? relative(words, due) : List.of();
        if (read.isEmpty()) {
            read = absolute(words);
        }
        if (read.isEmpty() && due == null) {
            // "15 minutes before" of a task with no due time: read against any, so that the API says what is missing
            read = relative(words, context.now()).stream().filter(s -> s.beforeDue() != null).toList();
        }
        if (read.isEmpty()) {
            v.add(field, "unreadable_reminder", "could not read \"" + t + "\" as a reminder: say it as \"15 minutes before\","
                + " \"1 day before\", \"at 8:45\" (on the due day) or \"tomorrow at 9am\", or give an ISO-8601 duration"
                + " before the due time (PT15M) or an RFC 3339 time");
            return List.of();
        }
        return repeats && due != null ? read.stream().map(s -> beforeIfSameDay(s, due)).toList() : read;
    }

    /** "remind me …" read after the due time, as a quick add of a task due then would read it. */
    private List<ReminderSpec> relative(String words, Instant due) {
        QuickAdd.Reading r = QuickAdd.read(SAID.format(due.atZone(context.zone())) + " remind me " + words, context);
        return r.title().isBlank() && onlyTime(r) && r.recurrence() == null ? r.reminders() : List.of();
    }

    /** A date and time said on its own ("tomorrow at 9am"), as the moment to remind. */
    private List<ReminderSpec> absolute(String words) {
        QuickAdd.Reading r = QuickAdd.read(words, context);
        return r.dueAt() != null && onlyTime(r) && r.recurrence() == null && r.reminders().isEmpty()
            ? List.of(new ReminderSpec(r.dueAt(), null)) : List.of();
    }

    private ReminderSpec beforeIfSameDay(ReminderSpec spec, Instant due) {
        if (spec.at() == null || !spec.at().isBefore(due)) {
            return spec;
        }
        LocalDate day = due.atZone(context.zone()).toLocalDate();
        if (!spec.at().atZone(context.zone()).toLocalDate().equals(day)) {
            return spec;
        }
        ReminderSpec before = ReminderSpec.beforeDue(Duration.between(spec.at(), due).toString());
        return before == null ? spec : before;
    }

    /** Nothing but time was read: no title left, no priority, no tags. */
    private static boolean onlyTime(QuickAdd.Reading r) {
        return r.title().isBlank() && r.priority() == null && r.tags().isEmpty();
    }

    static String rfc3339(Instant instant, java.time.ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    String rfc3339(Instant instant) {
        return rfc3339(instant, context.zone());
    }
}
