package dev.kadence.core.recurrence;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.WeekdayNum;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule may ask for, so that no rule costs more than a few milliseconds wherever it is evaluated. Checked when a
 * rule is accepted ({@link Rules#parse}) and again before a stored rule is evaluated ({@link Rules#evaluable}): a rule
 * stored before a limit existed, or written straight into the database, is not handed to lib-recur. What each limit
 * prevents was measured (docs/benchmarks.md, "Bounded work per rule"). The work of each evaluation is bounded
 * separately by {@link RuleWalk#BUDGET}.
 */
final class RuleLimits {
    /** lib-recur splits the text into one string per value: a 1 MB rule took 0.8 s and more than a 32 MB heap. */
    static final int MAX_LENGTH = 2000;
    /** Every 1000 days, weeks, months or years is far beyond any task's; larger steps only cost (and overflow). */
    static final int MAX_INTERVAL = 1000;
    /** COUNT rules are counted from the start on every evaluation; this keeps that in the microseconds. */
    static final int MAX_COUNT = 10_000;
    /**
     * The most instances one period of the rule (a year of a YEARLY rule, a month of a MONTHLY one…) may expand to:
     * a year of days. lib-recur builds and sorts each period's instances before it hands out the first, and gives up
     * only after 1000 periods that yield nothing, so this bounds the work of one step. Every hour of every day of a
     * year, by minute, was 32 million instances a period: out of memory.
     */
    static final int MAX_PER_PERIOD = 366;
    /**
     * The most instances a period of a BYSETPOS rule may build: a month of days. BYSETPOS is lib-recur's one filter
     * that multiplies: it tries up to 1000 periods in a row before it gives up on positions no period has, out of the
     * walk's sight, so a rule that never matches costs 1000 periods of this.
     */
    static final int MAX_SETPOS_PER_PERIOD = 31;
    /** The years Kadence keeps (as {@code dev.kadence.core.time.Times}). */
    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    /**
     * Entries each BY list may have: as many as the part has distinct values (BYMONTHDAY and BYYEARDAY counted on one
     * side, as a day cannot be picked twice; BYDAY the seven weekdays, each plain and at five positions; BYSETPOS a
     * month's worth of positions).
     */
    static final Map<Part, Integer> MAX_ENTRIES = entries();

    private static Map<Part, Integer> entries() {
        Map<Part, Integer> max = new EnumMap<>(Part.class);
        max.put(Part.BYMONTH, 12);
        max.put(Part.BYWEEKNO, 53);
        max.put(Part.BYYEARDAY, 366);
        max.put(Part.BYMONTHDAY, 31);
        max.put(Part.BYDAY, 7 * 6);
        max.put(Part.BYHOUR, 24);
        max.put(Part.BYMINUTE, 60);
        max.put(Part.BYSECOND, 60);
        max.put(Part.BYSETPOS, 31);
        return max;
    }

    private RuleLimits() {
    }

    /** A limit a rule breaks: the field error's code and message. */
    record Breach(String code, String message) {
    }

    /** The first limit {@code rule} breaks, or null when it keeps them all. Microseconds: no instance is computed. */
    static Breach check(RecurrenceRule rule) {
        if (rule.getFreq() == Freq.SECONDLY || rule.getFreq() == Freq.MINUTELY) {
            return new Breach("unsupported_frequency",
                "SECONDLY and MINUTELY rules are not supported: a task recurs at most hourly, so that each instance can be completed before the next one is due");
        }
        if (rule.getInterval() > MAX_INTERVAL) {
            return new Breach("interval_too_large", "INTERVAL may be at most " + MAX_INTERVAL);
        }
        if (rule.getCount() != null && rule.getCount() > MAX_COUNT) {
            return new Breach("count_too_large", "COUNT may be at most " + MAX_COUNT + "; use UNTIL for a longer series");
        }
        for (Map.Entry<Part, Integer> limit : MAX_ENTRIES.entrySet()) {
            if (size(rule, limit.getKey()) > limit.getValue()) {
                return new Breach("rule_too_complex", limit.getKey() + " may have at most " + limit.getValue() + " values");
            }
        }
        long perPeriod = perPeriod(rule);
        if (perPeriod > MAX_PER_PERIOD) {
            return new Breach("rule_too_complex", "this rule builds up to " + perPeriod + " instances in each "
                + period(rule.getFreq()) + "; at most " + MAX_PER_PERIOD + " are allowed (use fewer BYHOUR, BYMINUTE or BYSECOND values, or a shorter FREQ)");
        }
        if (rule.hasPart(Part.BYSETPOS)) {
            Breach setPos = setPos(rule);
            if (setPos != null) {
                return setPos;
            }
        }
        DateTime until = rule.getUntil();
        if (until != null && (until.getYear() < FIRST_YEAR || until.getYear() > LAST_YEAR)) {
            return new Breach("until_out_of_range", "UNTIL must be between the years 0001 and 9999");
        }
        return null;
    }

    /**
     * BYSETPOS is lib-recur's one filter that multiplies: it asks for up to 1000 periods in a row, each of which the
     * day expander below it may look up to 1000 periods for, before it gives up on a rule that never matches, out of
     * the walk's sight. {@code FREQ=YEARLY;BYYEARDAY=1,…,366;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS=2} took 0.5 to
     * 1.7 s per call. So BYSETPOS picks among at most {@link #MAX_SETPOS_PER_PERIOD} instances a period, not among the
     * days of BYYEARDAY or BYWEEKNO (whose expansions, filtered by the other parts, are mostly empty), and only
     * positions some period can have (at most {@link #mostPerPeriod} instances).
     */
    private static Breach setPos(RecurrenceRule rule) {
        if (rule.hasPart(Part.BYYEARDAY) || rule.hasPart(Part.BYWEEKNO)) {
            return new Breach("rule_too_complex", "BYSETPOS cannot be combined with BYYEARDAY or BYWEEKNO");
        }
        long perPeriod = perPeriod(rule);
        if (perPeriod > MAX_SETPOS_PER_PERIOD) {
            return new Breach("rule_too_complex", "BYSETPOS picks among at most " + MAX_SETPOS_PER_PERIOD
                + " instances a period, and this rule builds up to " + perPeriod + " in a " + period(rule.getFreq())
                + " (narrow it with BYMONTH, or a shorter FREQ)");
        }
        long most = mostPerPeriod(rule);
        for (int position : rule.getByPart(Part.BYSETPOS)) {
            if (Math.abs(position) > most) {
                return new Breach("rule_too_complex", "BYSETPOS=" + position + " asks for an instance this rule never has: it has at most "
                    + most + " in a " + period(rule.getFreq()));
            }
        }
        return null;
    }

    /**
     * An upper bound of the instances lib-recur builds for one period of {@code rule} (a year of a YEARLY rule, a
     * month of a MONTHLY one, an hour of an HOURLY one) before its filters and BYSETPOS keep some: the days the
     * expanding day part makes (at most 1, 7, 31 or 366), times the times of day of BYHOUR, BYMINUTE and BYSECOND (an
     * HOURLY rule's BYHOUR only filters). What a walk charges per period ({@link RuleWalk}).
     */
    static long perPeriod(RecurrenceRule rule) {
        long days = switch (rule.getFreq()) {
            case YEARLY -> Math.min(366, yearlyDays(rule));
            case MONTHLY -> Math.min(31, monthlyDays(rule));
            case WEEKLY -> rule.hasPart(Part.BYDAY) ? Math.min(7, size(rule, Part.BYDAY)) : 1;
            default -> 1;
        };
        return days * timesOfDay(rule);
    }

    /**
     * An upper bound of the instances one period of {@code rule} keeps, BYSETPOS aside: as {@link #perPeriod}, but
     * each day part present bounds the days too, since the ones that do not expand filter.
     */
    static long mostPerPeriod(RecurrenceRule rule) {
        long days = switch (rule.getFreq()) {
            case YEARLY -> {
                long months = rule.hasPart(Part.BYMONTH) ? size(rule, Part.BYMONTH) : 12;
                long most = Math.min(366, yearlyDays(rule));
                if (rule.hasPart(Part.BYMONTH)) {
                    most = Math.min(most, 31 * months);
                }
                if (rule.hasPart(Part.BYMONTHDAY)) {
                    most = Math.min(most, months * size(rule, Part.BYMONTHDAY));
                }
                if (rule.hasPart(Part.BYDAY)) {
                    most = Math.min(most, byDayDays(rule, rule.hasPart(Part.BYMONTH) ? months : 0));
                }
                yield most;
            }
            case MONTHLY -> {
                long most = Math.min(31, monthlyDays(rule));
                if (rule.hasPart(Part.BYDAY)) {
                    most = Math.min(most, rule.getByDayPart().stream().mapToLong(d -> d.pos == 0 ? 5 : 1).sum());
                }
                yield most;
            }
            case WEEKLY -> rule.hasPart(Part.BYDAY) ? Math.min(7, size(rule, Part.BYDAY)) : 1;
            default -> 1;
        };
        return days * timesOfDay(rule);
    }

    private static long timesOfDay(RecurrenceRule rule) {
        long hours = rule.getFreq() == Freq.HOURLY ? 1 : entries(rule, Part.BYHOUR);
        return hours * entries(rule, Part.BYMINUTE) * entries(rule, Part.BYSECOND);
    }

    private static long monthlyDays(RecurrenceRule rule) {
        if (rule.hasPart(Part.BYMONTHDAY)) {
            return size(rule, Part.BYMONTHDAY);
        }
        if (rule.hasPart(Part.BYDAY)) {
            return rule.getByDayPart().stream().mapToLong(d -> d.pos == 0 ? 5 : 1).sum();
        }
        return 1;
    }

    private static long yearlyDays(RecurrenceRule rule) {
        long months = rule.hasPart(Part.BYMONTH) ? size(rule, Part.BYMONTH) : 0;
        if (rule.hasPart(Part.BYYEARDAY)) {
            return size(rule, Part.BYYEARDAY);
        }
        if (rule.hasPart(Part.BYWEEKNO)) {
            return size(rule, Part.BYWEEKNO) * (rule.hasPart(Part.BYDAY) ? Math.min(7, size(rule, Part.BYDAY)) : 7);
        }
        if (rule.hasPart(Part.BYMONTHDAY)) {
            return (months == 0 ? 12 : months) * size(rule, Part.BYMONTHDAY);
        }
        if (rule.hasPart(Part.BYDAY)) {
            return byDayDays(rule, months);
        }
        return Math.max(months, 1);
    }

    /** The days BYDAY picks in a year, in {@code months} months (0: the whole year). */
    private static long byDayDays(RecurrenceRule rule, long months) {
        long days = 0;
        for (WeekdayNum d : rule.getByDayPart()) {
            days += d.pos != 0 ? Math.max(months, 1) : months == 0 ? 53 : 5 * months;
        }
        return days;
    }

    private static long entries(RecurrenceRule rule, Part part) {
        return Math.max(1, size(rule, part));
    }

    private static int size(RecurrenceRule rule, Part part) {
        if (!rule.hasPart(part)) {
            return 0;
        }
        if (part == Part.BYDAY) {
            return rule.getByDayPart().size();
        }
        List<Integer> values = rule.getByPart(part);
        return values == null ? 0 : values.size();
    }

    private static String period(Freq freq) {
        return switch (freq) {
            case YEARLY -> "year";
            case MONTHLY -> "month";
            case WEEKLY -> "week";
            case DAILY -> "day";
            default -> "hour";
        };
    }
}
