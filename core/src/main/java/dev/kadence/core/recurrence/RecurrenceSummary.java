package dev.kadence.core.recurrence;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A series in words: "every Friday at 14:00, Europe/Berlin", "on the last Friday of every month at 09:00, UTC, 3 times".
 * Rules of uncommon shapes read "custom rule FREQ=…, from 2026-01-05 09:00, UTC"; a stored rule that is not evaluated
 * ({@link Rules#evaluable}) says so and why: "…, UTC, not evaluated: interval_too_large".
 */
public final class RecurrenceSummary {
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RecurrenceSummary() {
    }

    public static String of(String ruleText, ZoneId zone, Instant start) {
        RecurrenceRule rule = Rules.evaluable(ruleText);
        LocalDateTime first = LocalDateTime.ofInstant(start, zone);
        if (rule == null) {
            String text = ruleText == null || ruleText.length() <= 200 ? ruleText : ruleText.substring(0, 200) + "…";
            return "custom rule " + text + ", from " + DAY_AND_TIME.format(first) + ", " + zone.getId()
                + ", not evaluated: " + Rules.refusal(ruleText);
        }
        String days = DayPattern.of(rule, first);
        String time = time(rule, first.toLocalTime());
        String pattern = days == null || time == null
            ? "custom rule " + ruleText + ", from " + DAY_AND_TIME.format(first)
            : days + time;
        return pattern + ", " + zone.getId() + end(rule, zone);
    }

    /** " at 09:00", " at 09:00 and 17:30", or for hourly rules " from 08:15"; null when minutes or seconds vary. */
    private static String time(RecurrenceRule rule, LocalTime startTime) {
        List<Integer> minutes = values(rule, Part.BYMINUTE, startTime.getMinute());
        List<Integer> seconds = values(rule, Part.BYSECOND, startTime.getSecond());
        if (minutes.size() != 1 || seconds.size() != 1) {
            return null;
        }
        if (rule.getFreq() == Freq.HOURLY) {
            return rule.hasPart(Part.BYHOUR) ? null : " from " + clock(startTime.getHour(), minutes.getFirst(), seconds.getFirst());
        }
        List<String> times = values(rule, Part.BYHOUR, startTime.getHour()).stream().sorted()
            .map(h -> clock(h, minutes.getFirst(), seconds.getFirst())).toList();
        return " at " + EnglishWords.list(times);
    }

    /** ", 3 times", ", until 2027-01-01" (a whole day), ", until 2027-01-01 08:00", or nothing. */
    private static String end(RecurrenceRule rule, ZoneId zone) {
        Integer count = rule.getCount();
        if (count != null) {
            return count == 1 ? ", once" : ", " + count + " times";
        }
        DateTime until = rule.getUntil();
        if (until == null) {
            return "";
        }
        if (until.isAllDay()) {
            return ", until " + String.format("%04d-%02d-%02d", until.getYear(), until.getMonth() + 1, until.getDayOfMonth());
        }
        LocalDateTime last = LocalDateTime.ofInstant(Rules.untilInstant(until, zone), zone);
        return last.toLocalTime().equals(LocalTime.of(23, 59, 59))
            ? ", until " + last.toLocalDate()
            : ", until " + DAY_AND_TIME.format(last);
    }

    private static List<Integer> values(RecurrenceRule rule, Part part, int otherwise) {
        List<Integer> values = rule.getByPart(part);
        return values == null || values.isEmpty() ? List.of(otherwise) : values;
    }

    private static String clock(int hour, int minute, int second) {
        return second == 0 ? String.format("%02d:%02d", hour, minute) : String.format("%02d:%02d:%02d", hour, minute, second);
    }
}
