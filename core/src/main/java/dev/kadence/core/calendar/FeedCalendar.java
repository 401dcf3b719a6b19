package dev.kadence.core.calendar;

import dev.kadence.core.recurrence.Mode;
import dev.kadence.core.recurrence.Rules;
import dev.kadence.core.recurrence.Series;
import dev.kadence.core.reminder.Reminder;
import dev.kadence.core.task.Priority;
import dev.kadence.core.task.Task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A user's open tasks as an iCalendar object (RFC 5545), one VEVENT each, starting at its due time and lasting
 * {@link #LENGTH}. An active series in schedule mode is one VEVENT with its RRULE from the series' start in the
 * series' zone (with that zone's VTIMEZONE), whichever instance is open; otherwise the open task is a single VEVENT.
 * Pure: the same tasks give the same bytes, so the text's hash can be its ETag.
 */
public final class FeedCalendar {
    static final Duration LENGTH = Duration.ofMinutes(15);
    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    /** An open task with a due time, its series (null if it has none) and its reminders. */
    public record Entry(Task task, Series series, List<Reminder> reminders) {
        boolean recurs() {
            return series != null && series.isActive() && series.mode() == Mode.SCHEDULE;
        }
    }

    private FeedCalendar() {
    }

    public static byte[] render(List<Entry> entries) {
        ContentLines out = new ContentLines(512 + entries.size() * 400);
        out.raw("BEGIN", "VCALENDAR").raw("VERSION", "2.0").raw("PRODID", "-//Kadence//Calendar feed//EN")
            .raw("CALSCALE", "GREGORIAN").text("X-WR-CALNAME", "Kadence")
            .raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H").raw("X-PUBLISHED-TTL", "PT1H");
        List<Entry> items = onePerSeries(entries);
        zonesFrom(items).forEach((zone, from) -> VTimeZones.write(out, zone, from));
        for (Entry e : items) {
            event(out, e);
        }
        return out.raw("END", "VCALENDAR").bytes();
    }

    private static List<Entry> onePerSeries(List<Entry> entries) {
        Set<UUID> seen = new LinkedHashSet<>();
        List<Entry> items = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (!e.recurs() || seen.add(e.series().id())) {
                items.add(e);
            }
        }
        return items;
    }

    /** The zones the recurring events use, each with its earliest start. */
    private static Map<ZoneId, Instant> zonesFrom(List<Entry> items) {
        Map<ZoneId, Instant> zones = new LinkedHashMap<>();
        for (Entry e : items) {
            if (e.recurs()) {
                zones.merge(e.series().zone(), e.series().startAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return zones;
    }

    private static void event(ContentLines out, Entry e) {
        Task t = e.task();
        out.raw("BEGIN", "VEVENT");
        if (e.recurs()) {
            Series s = e.series();
            String tzid = "TZID=" + s.zone().getId();
            LocalDateTime start = LocalDateTime.ofInstant(s.startAt(), s.zone()).withNano(0);
            out.raw("UID", "series-" + s.id() + "@kadence").raw("DTSTAMP", UTC.format(latest(t.updatedAt(), s.updatedAt())))
                .raw("DTSTART;" + tzid, VTimeZones.LOCAL.format(start))
                .raw("DTEND;" + tzid, VTimeZones.LOCAL.format(start.plus(LENGTH)))
                .raw("RRULE", Rules.inZone(s.rule(), s.zone()));
        } else {
            out.raw("UID", "task-" + t.id() + "@kadence").raw("DTSTAMP", UTC.format(t.updatedAt()))
                .raw("DTSTART", UTC.format(t.dueAt())).raw("DTEND", UTC.format(t.dueAt().plus(LENGTH)));
        }
        out.text("SUMMARY", t.title());
        if (t.description() != null && !t.description().isEmpty()) {
            out.text("DESCRIPTION", t.description());
        }
        if (!t.tags().isEmpty()) {
            out.texts("CATEGORIES", t.tags());
        }
        out.raw("PRIORITY", Integer.toString(priority(t.priority())));
        for (Reminder r : e.reminders()) {
            Duration before = before(r, t, e.recurs());
            if (before != null) {
                out.raw("BEGIN", "VALARM").raw("ACTION", "DISPLAY").text("DESCRIPTION", t.title())
                    .raw("TRIGGER", duration(before.negated())).raw("END", "VALARM");
            }
        }
        out.raw("END", "VEVENT");
    }

    /**
     * How long before the start the reminder fires: a relative reminder always; an absolute one (still pending) only
     * on a single event, since it belongs to one instance, not to the series.
     */
    private static Duration before(Reminder r, Task t, boolean recurs) {
        if (r.beforeDue() != null) {
            return r.spec().beforeDueDuration();
        }
        return recurs || !r.isPending() ? null : Duration.between(r.at(), t.dueAt());
    }

    /** RFC 5545 PRIORITY: 1 is the highest, 5 medium, 9 the lowest. */
    static int priority(Priority p) {
        return switch (p) {
            case HIGH -> 1;
            case MEDIUM -> 5;
            case LOW -> 9;
        };
    }

    /** An exact dur-value (hours, minutes, seconds: a "day" would be nominal across a DST change, RFC 5545 §3.3.6). */
    static String duration(Duration d) {
        long seconds = Math.abs(d.getSeconds());
        StringBuilder s = new StringBuilder(d.isNegative() ? "-PT" : "PT");
        if (seconds >= 3600) {
            s.append(seconds / 3600).append('H');
        }
        if (seconds % 3600 >= 60) {
            s.append(seconds % 3600 / 60).append('M');
        }
        if (seconds % 60 != 0 || seconds == 0) {
            s.append(seconds % 60).append('S');
        }
        return s.toString();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
