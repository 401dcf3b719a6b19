package dev.kadence.core.language;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The days a series picks, as a phrase said them: a frequency, an interval and the BY parts of an RRULE. BYDAY items
 * are RFC 5545's ("MO", "-1FR", "3FR"). {@link #rule} writes the RRULE.
 */
record Cadence(Frequency frequency, int interval, List<String> byDay, List<Integer> byMonthDay, Integer byMonth) {

    enum Frequency {
        DAILY, WEEKLY, MONTHLY, YEARLY
    }

    Cadence {
        byDay = List.copyOf(byDay);
        byMonthDay = List.copyOf(byMonthDay);
    }

    static Cadence every(Frequency frequency, int interval) {
        return new Cadence(frequency, interval, List.of(), List.of(), null);
    }

    static Cadence weekly(int interval, List<DayOfWeek> days) {
        return new Cadence(Frequency.WEEKLY, interval, days.stream().map(Cadence::code).toList(), List.of(), null);
    }

    static Cadence monthlyOn(int interval, List<Integer> monthDays) {
        return new Cadence(Frequency.MONTHLY, interval, List.of(), monthDays, null);
    }

    static Cadence monthlyOnThe(int position, DayOfWeek day) {
        return new Cadence(Frequency.MONTHLY, 1, List.of(position + code(day)), List.of(), null);
    }

    static Cadence yearlyOn(int month, int day) {
        return new Cadence(Frequency.YEARLY, 1, List.of(), List.of(day), month);
    }

    /** Whether the days depend on the series' first day ("every week": the weekday it starts on). */
    boolean fromStart() {
        return byDay.isEmpty() && byMonthDay.isEmpty() && byMonth == null && frequency != Frequency.DAILY;
    }

    Cadence withInterval(int n) {
        return new Cadence(frequency, n, byDay, byMonthDay, byMonth);
    }

    /**
     * The RRULE: these days, at {@code time} when one was said (BYHOUR and BYMINUTE, so that a time in a DST gap is
     * 02:30 again the day after; without one the series keeps its first due's time), ended by {@code count} or
     * {@code until} (a date: the series ends with that day in the user's zone).
     */
    String rule(LocalTime time, Integer count, LocalDate until) {
        List<String> parts = new ArrayList<>(List.of("FREQ=" + frequency));
        if (interval > 1) {
            parts.add("INTERVAL=" + interval);
        }
        if (count != null) {
            parts.add("COUNT=" + count);
        }
        if (until != null) {
            parts.add("UNTIL=" + until.format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        if (byMonth != null) {
            parts.add("BYMONTH=" + byMonth);
        }
        if (!byMonthDay.isEmpty()) {
            parts.add("BYMONTHDAY=" + byMonthDay.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        if (!byDay.isEmpty()) {
            parts.add("BYDAY=" + String.join(",", byDay));
        }
        if (time != null) {
            parts.add("BYHOUR=" + time.getHour());
            parts.add("BYMINUTE=" + time.getMinute());
        }
        return String.join(";", parts);
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }
}
