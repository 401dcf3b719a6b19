package dev.kadence.core.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, from the JDK's own rules: the zone's transitions from the one in
 * force at {@code from} up to its last listed transition, each an observance of its own, then the yearly rules the zone
 * keeps after that as observances with an RRULE. A zone without transitions is one STANDARD observance.
 */
final class VTimeZones {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

    private VTimeZones() {
    }

    static void write(ContentLines out, ZoneId zone, Instant from) {
        ZoneRules rules = zone.getRules();
        out.raw("BEGIN", "VTIMEZONE").text("TZID", zone.getId());
        List<ZoneOffsetTransition> listed = inForceFrom(rules, from);
        if (listed.isEmpty() && rules.getTransitionRules().isEmpty()) {
            ZoneOffset offset = rules.getOffset(from);
            observance(out, "STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset, null);
        }
        for (ZoneOffsetTransition t : listed) {
            observance(out, rules.isDaylightSavings(t.getInstant()) ? "DAYLIGHT" : "STANDARD", t.getDateTimeBefore(),
                t.getOffsetBefore(), t.getOffsetAfter(), null);
        }
        int firstRuleYear = firstRuleYear(rules, from);
        for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) {
            ZoneOffsetTransition first = r.createTransition(firstRuleYear);
            observance(out, r.getOffsetAfter().equals(r.getStandardOffset()) ? "STANDARD" : "DAYLIGHT",
                first.getDateTimeBefore(), r.getOffsetBefore(), r.getOffsetAfter(), rrule(r));
        }
        out.raw("END", "VTIMEZONE");
    }

    /** The listed transitions from the last one at or before {@code from} (which sets the offset then) on. */
    private static List<ZoneOffsetTransition> inForceFrom(ZoneRules rules, Instant from) {
        List<ZoneOffsetTransition> all = rules.getTransitions();
        int i = all.size();
        while (i > 0 && all.get(i - 1).getInstant().isAfter(from)) {
            i--;
        }
        return all.subList(Math.max(0, i - 1), all.size());
    }

    private static int firstRuleYear(ZoneRules rules, Instant from) {
        List<ZoneOffsetTransition> all = rules.getTransitions();
        int fromYear = from.atOffset(ZoneOffset.UTC).getYear();
        if (all.isEmpty()) {
            return fromYear;
        }
        int afterListed = all.getLast().getInstant().atOffset(ZoneOffset.UTC).getYear() + 1;
        return Math.max(afterListed, fromYear - 1);
    }

    private static void observance(ContentLines out, String kind, LocalDateTime start, ZoneOffset before,
                                   ZoneOffset after, String rrule) {
        out.raw("BEGIN", kind).raw("DTSTART", LOCAL.format(start))
            .raw("TZOFFSETFROM", offset(before)).raw("TZOFFSETTO", offset(after));
        if (rrule != null) {
            out.raw("RRULE", rrule);
        }
        out.raw("END", kind);
    }

    /** {@code ±hhmm}, with seconds only when the offset has them (RFC 5545 §3.3.14). */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String hhmm = String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? hhmm : hhmm + String.format(Locale.ROOT, "%02d", abs % 60);
    }

    /**
     * The yearly RRULE of a transition rule: "the Sunday on or after the 8th of March" is {@code BYDAY=2SU}, "on or
     * after the 25th" of a 31-day month {@code BYDAY=-1SU}, any other day a week of BYMONTHDAY.
     */
    static String rrule(ZoneOffsetTransitionRule r) {
        String month = "FREQ=YEARLY;BYMONTH=" + r.getMonth().getValue();
        int day = r.getDayOfMonthIndicator();
        DayOfWeek weekday = r.getDayOfWeek();
        if (weekday == null) {
            return month + ";BYMONTHDAY=" + day;
        }
        String byDay = weekday.name().substring(0, 2);
        if (day > 0 && (day - 1) % 7 == 0) {
            return month + ";BYDAY=" + ((day - 1) / 7 + 1) + byDay;
        }
        if (day == -1 || r.getMonth() != Month.FEBRUARY && day + 6 == r.getMonth().maxLength()) {
            return month + ";BYDAY=-1" + byDay;
        }
        IntStream week = day > 0 ? IntStream.range(day, day + 7) : IntStream.rangeClosed(day - 6, day);
        return month + ";BYDAY=" + byDay + ";BYMONTHDAY=" + week.mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
