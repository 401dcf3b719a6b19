package dev.kadence.core.recurrence;

import org.dmfs.rfc5545.Weekday;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.WeekdayNum;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.kadence.core.recurrence.EnglishWords.every;
import static dev.kadence.core.recurrence.EnglishWords.list;
import static dev.kadence.core.recurrence.EnglishWords.month;
import static dev.kadence.core.recurrence.EnglishWords.monthDay;
import static dev.kadence.core.recurrence.EnglishWords.ordinal;
import static dev.kadence.core.recurrence.EnglishWords.weekday;

/**
 * Which days a rule picks, in words ("every weekday", "monthly on day 31", "on the last Friday of every month"),
 * for the common shapes of each frequency; null for any other shape.
 */
final class DayPattern {
    private static final Set<Weekday> WORK_WEEK = EnumSet.of(Weekday.MO, Weekday.TU, Weekday.WE, Weekday.TH, Weekday.FR);

    private DayPattern() {
    }

    static String of(RecurrenceRule rule, LocalDateTime first) {
        Set<Part> parts = dayParts(rule);
        int n = rule.getInterval();
        return switch (rule.getFreq()) {
            case HOURLY -> parts.isEmpty() ? every(n, "hour") : null;
            case DAILY -> parts.isEmpty() ? every(n, "day")
                : parts.equals(EnumSet.of(Part.BYDAY)) && n == 1 && plain(rule.getByDayPart()) ? "every " + weekdays(rule.getByDayPart()) : null;
            case WEEKLY -> weekly(rule, parts, n, first);
            case MONTHLY -> monthly(rule, parts, n, first);
            case YEARLY -> yearly(rule, parts, n, first);
            default -> null;
        };
    }

    private static String weekly(RecurrenceRule rule, Set<Part> parts, int n, LocalDateTime first) {
        String days = parts.isEmpty() ? first.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
            : parts.equals(EnumSet.of(Part.BYDAY)) && plain(rule.getByDayPart()) ? weekdays(rule.getByDayPart()) : null;
        if (days == null) {
            return null;
        }
        return n == 1 ? "every " + days : every(n, "week") + " on " + days;
    }

    private static String monthly(RecurrenceRule rule, Set<Part> parts, int n, LocalDateTime first) {
        String monthly = n == 1 ? "monthly" : every(n, "month");
        String ofEvery = n == 1 ? " of every month" : " of " + every(n, "month");
        if (parts.isEmpty()) {
            return monthly + " on day " + first.getDayOfMonth();
        }
        if (parts.equals(EnumSet.of(Part.BYMONTHDAY))) {
            return monthly + " on " + monthDays(rule.getByPart(Part.BYMONTHDAY));
        }
        List<WeekdayNum> days = rule.getByDayPart();
        if (parts.equals(EnumSet.of(Part.BYDAY)) && days.stream().allMatch(d -> d.pos != 0)) {
            return "on the " + ordinalWeekdays(days) + ofEvery;
        }
        if (parts.equals(EnumSet.of(Part.BYDAY, Part.BYSETPOS)) && plain(days)) {
            List<String> positions = rule.getByPart(Part.BYSETPOS).stream().map(EnglishWords::ordinal).toList();
            String which = Set.copyOf(days.stream().map(d -> d.weekday).toList()).equals(WORK_WEEK) ? "weekday"
                : "of " + list(days.stream().map(d -> weekday(d.weekday)).toList());
            return "on the " + list(positions) + " " + which + ofEvery;
        }
        List<Integer> monthDays = rule.getByPart(Part.BYMONTHDAY);
        if (parts.equals(EnumSet.of(Part.BYDAY, Part.BYMONTHDAY)) && plain(days) && monthDays.size() == 1 && monthDays.getFirst() > 0) {
            return monthly + " on " + weekdays(days) + " the " + EnglishWords.numbered(monthDays.getFirst());
        }
        return null;
    }

    private static String yearly(RecurrenceRule rule, Set<Part> parts, int n, LocalDateTime first) {
        String yearly = n == 1 ? "yearly" : every(n, "year");
        // lib-recur reports BYMONTH 0-based (January = 0), as its DateTime does
        List<Integer> months = rule.hasPart(Part.BYMONTH) ? rule.getByPart(Part.BYMONTH).stream().map(m -> m + 1).toList() : List.of();
        List<Integer> monthDays = rule.getByPart(Part.BYMONTHDAY);
        if (parts.isEmpty()) {
            return yearly + " on " + first.getDayOfMonth() + " " + month(first.getMonthValue());
        }
        if (parts.equals(EnumSet.of(Part.BYMONTH)) || parts.equals(EnumSet.of(Part.BYMONTH, Part.BYMONTHDAY))) {
            List<Integer> days = monthDays == null ? List.of(first.getDayOfMonth()) : monthDays;
            String monthNames = list(months.stream().map(EnglishWords::month).toList());
            if (days.size() == 1 && days.getFirst() > 0) {
                return yearly + " on " + (months.size() == 1 ? days.getFirst() + " " + monthNames : "day " + days.getFirst() + " of " + monthNames);
            }
            return yearly + " on " + monthDays(days) + " of " + monthNames;
        }
        List<WeekdayNum> days = rule.getByDayPart();
        if (parts.equals(EnumSet.of(Part.BYDAY)) && days.stream().allMatch(d -> d.pos != 0)) {
            return yearly + " on the " + ordinalWeekdays(days) + " of the year";
        }
        if (parts.equals(EnumSet.of(Part.BYDAY, Part.BYMONTH)) && days.stream().allMatch(d -> d.pos != 0)) {
            return yearly + " on the " + ordinalWeekdays(days) + " of " + list(months.stream().map(EnglishWords::month).toList());
        }
        return null;
    }

    /** The BY parts that choose days; the time-of-day parts are {@link RecurrenceSummary}'s. */
    private static Set<Part> dayParts(RecurrenceRule rule) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (Part p : List.of(Part.BYMONTH, Part.BYWEEKNO, Part.BYYEARDAY, Part.BYMONTHDAY, Part.BYDAY, Part.BYSETPOS, Part.RSCALE, Part.SKIP)) {
            if (rule.hasPart(p)) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static boolean plain(List<WeekdayNum> days) {
        return days.stream().allMatch(d -> d.pos == 0);
    }

    /** "weekday", "Friday", "Monday, Wednesday and Friday". */
    private static String weekdays(List<WeekdayNum> days) {
        List<Weekday> sorted = days.stream().map(d -> d.weekday).distinct()
            .sorted((a, b) -> EnglishWords.dayOfWeek(a).compareTo(EnglishWords.dayOfWeek(b))).toList();
        if (Set.copyOf(sorted).equals(WORK_WEEK)) {
            return "weekday";
        }
        return list(sorted.stream().map(EnglishWords::weekday).toList());
    }

    /** "last Friday", "second and last Sunday", "first Monday and third Thursday". */
    private static String ordinalWeekdays(List<WeekdayNum> days) {
        if (days.stream().map(d -> d.weekday).distinct().count() == 1) {
            List<Integer> positions = days.stream().map(d -> d.pos).sorted((a, b) -> Integer.compare(a < 0 ? 1000 + a : a, b < 0 ? 1000 + b : b)).toList();
            return list(positions.stream().map(EnglishWords::ordinal).toList()) + " " + weekday(days.getFirst().weekday);
        }
        return list(days.stream().map(d -> ordinal(d.pos) + " " + weekday(d.weekday)).toList());
    }

    private static String monthDays(List<Integer> days) {
        List<Integer> positive = days.stream().filter(d -> d > 0).sorted().toList();
        List<String> words = new ArrayList<>();
        if (!positive.isEmpty()) {
            words.add((positive.size() == 1 ? "day " : "days ") + list(positive.stream().map(String::valueOf).toList()));
        }
        days.stream().filter(d -> d < 0).sorted((a, b) -> Integer.compare(b, a)).map(EnglishWords::monthDay).forEach(words::add);
        return list(words);
    }
}
