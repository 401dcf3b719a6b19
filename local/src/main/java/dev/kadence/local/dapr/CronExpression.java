package dev.kadence.local.dapr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A six-field cron expression as Dapr reads it: seconds, minutes, hours, day of month, month, day of week
 * ({@code "0 30 * * * *"} is every hour at half past). Fields take {@code *}, numbers, names, lists, ranges
 * and steps. Day of month and day of week combine as in classic cron: either matches when both are set.
 */
final class CronExpression {
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String[] f) {
        seconds = field(f[0], 0, 59, List.of());
        minutes = field(f[1], 0, 59, List.of());
        hours = field(f[2], 0, 23, List.of());
        daysOfMonth = field(f[3], 1, 31, List.of());
        months = field(f[4], 1, 12, MONTHS);
        daysOfWeek = field(f[5].replace("7", "0"), 0, 6, DAYS);
        anyDayOfMonth = f[3].equals("*") || f[3].equals("?");
        anyDayOfWeek = f[5].equals("*") || f[5].equals("?");
    }

    static CronExpression parse(String text) {
        String[] fields = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException("a cron schedule has six fields (seconds minutes hours day-of-month month day-of-week): " + text);
        }
        return new CronExpression(fields);
    }

    /** The first matching time strictly after {@code after}, searched day by day (at most five years ahead). */
    ZonedDateTime next(ZonedDateTime after) {
        ZoneId zone = after.getZone();
        LocalDateTime from = after.toLocalDateTime().withNano(0).plusSeconds(1);
        LocalDate day = from.toLocalDate();
        for (int d = 0; d < 366 * 5; d++, day = day.plusDays(1)) {
            if (!months.get(day.getMonthValue()) || !dayMatches(day)) {
                continue;
            }
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    for (int s = seconds.nextSetBit(0); s >= 0; s = seconds.nextSetBit(s + 1)) {
                        LocalDateTime candidate = day.atTime(h, m, s);
                        if (!candidate.isBefore(from)) {
                            return candidate.atZone(zone);
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException("cron schedule never matches");
    }

    private boolean dayMatches(LocalDate day) {
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth && anyDayOfWeek) {
            return true;
        }
        if (anyDayOfMonth) {
            return dow;
        }
        if (anyDayOfWeek) {
            return dom;
        }
        return dom || dow;
    }

    private static BitSet field(String text, int min, int max, List<String> names) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-");
                from = value(ends[0], min, names);
                to = value(ends[1], min, names);
            } else {
                from = value(range, min, names);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to || step < 1) {
                throw new IllegalArgumentException("cron field out of range: " + part);
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int value(String text, int min, List<String> names) {
        int named = names.indexOf(text);
        if (named >= 0) {
            return named + (min == 1 ? 1 : 0);
        }
        return Integer.parseInt(text);
    }
}
