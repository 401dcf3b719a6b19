package dev.kadence.core.recurrence;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

import java.time.LocalDateTime;
import java.util.TimeZone;

/**
 * One walk through a rule's instances in local wall time, as lib-recur computes them, within the budget of one
 * evaluation. Every place that iterates a rule does it through this class ({@link Occurrences}, {@link Rules#checkOccurs}),
 * so every evaluation is bounded the same way.
 *
 * <p>The budget counts the instances lib-recur has to build, not the ones it returns: lib-recur expands a whole period
 * of the rule (a year of a YEARLY rule, a month of a MONTHLY one…) before it returns its first instance, and a rule
 * that picks one instance of many ({@code BYSETPOS=-1} of a year of weekdays) builds hundreds per instance. A walk
 * therefore charges, for each instance, {@link RuleLimits#perPeriod} for every period it moved into (the periods it
 * passed over without an instance included), and stops before a step once the budget is spent. Skipping ahead with
 * {@link #fastForward} costs the periods lib-recur builds to get there: the one it lands in, or for a COUNT rule every
 * one from the start.
 *
 * <p>A walk ends — {@link #next} returns null — when the rule has no further instance (COUNT, UNTIL, or lib-recur
 * giving up on a rule that matches nothing more), at the end of year 9999, or when the budget is spent; {@link #end}
 * says which. The same rule and start always end the same way: the budget is counted in instances, not time.
 */
final class RuleWalk {
    /**
     * The instances lib-recur may build for one evaluation. The largest accepted COUNT rule, counted from its start,
     * needs {@link RuleLimits#MAX_COUNT}; {@link Rules#checkOccurs} refuses COUNT rules whose instances do not all fit,
     * so for accepted rules the budget is only ever reached when listing hundreds of missed occurrences of a rule that
     * builds many instances a period. 0.1 to 0.5 ms of work (docs/benchmarks.md, "Bounded work per rule").
     */
    static final int BUDGET = 2 * RuleLimits.MAX_COUNT;
    /** The instances one stride of a COUNT rule's fast-forward may build before the budget is looked at again. */
    static final int STRIDE = 1000;
    /** Local times from here are past the years Kadence keeps. */
    static final LocalDateTime AFTER_9999 = LocalDateTime.of(RuleLimits.LAST_YEAR + 1, 1, 1, 0, 0);

    /** Why a walk ended. */
    enum End {
        /** No further instance: COUNT or UNTIL reached, past the year 9999, or a rule that matches nothing more. */
        RULE,
        /** The budget was spent first: what follows was not computed. */
        BUDGET
    }

    private final RecurrenceRule rule;
    private final long perPeriod;
    private final int interval;
    private final TimeZone timeZone;
    private RecurrenceRuleIterator it;
    private long spent;
    /** The period of the last instance charged, or {@link Long#MIN_VALUE} before the first. */
    private long period = Long.MIN_VALUE;
    private End end;

    RuleWalk(RecurrenceRule rule, DateTime from) {
        this.rule = rule;
        this.perPeriod = Math.max(1, RuleLimits.perPeriod(rule));
        this.interval = Math.max(1, rule.getInterval());
        this.timeZone = from.isFloating() ? null : from.getTimeZone();
        try {
            this.it = rule.iterator(from);      // computes the first instance already
        } catch (RuntimeException e) {
            stop(e);
        }
    }

    /**
     * Skips to the first instance at or after local time {@code target} ({@code targetMillis} as an instant), charging
     * the periods lib-recur expanded to get there. Without COUNT, lib-recur passes over the periods before the target by
     * arithmetic and expands the one it lands in. With COUNT it has to iterate every instance from the start (quickly,
     * but out of the walk's sight), so it is asked to skip {@link #STRIDE} instances' worth of periods at a time, and
     * the walk charges them and looks at the budget before the next stride.
     */
    void fastForward(long targetMillis, LocalDateTime target) {
        if (end != null) {
            return;
        }
        try {
            if (rule.getCount() == null) {
                it.fastForward(targetMillis);
                LocalDateTime landed = peek();
                if (landed != null) {
                    period = period(target.isBefore(landed) ? target : landed) - interval;   // the target's period is built too
                    charge(landed);
                }
                return;
            }
            LocalDateTime next = peek();
            while (next != null && next.isBefore(target)) {
                charge(next);
                if (spent >= BUDGET) {
                    end = End.BUDGET;
                    return;
                }
                LocalDateTime stride = plusPeriods(next, Math.max(1, STRIDE / perPeriod));
                it.fastForward(dateTime(stride.isBefore(target) ? stride : target));
                next = peek();
            }
            if (next != null) {
                charge(next);
            }
        } catch (RuntimeException e) {
            stop(e);
        }
    }

    /** The next instance in local wall time, or null when the walk has ended ({@link #end} says why). */
    LocalDateTime next() {
        if (end != null) {
            return null;
        }
        if (spent >= BUDGET) {
            end = End.BUDGET;
            return null;
        }
        try {
            if (!it.hasNext()) {
                end = End.RULE;
                return null;
            }
            DateTime instance = it.nextDateTime();
            if (instance.getYear() > RuleLimits.LAST_YEAR) {
                end = End.RULE;
                return null;
            }
            LocalDateTime next = local(instance);
            charge(next);
            return next;
        } catch (RuntimeException e) {
            stop(e);
            return null;
        }
    }

    /** The instance {@link #next} returns next, without taking it; null (and the walk ended) when there is none. */
    private LocalDateTime peek() {
        if (!it.hasNext()) {
            end = End.RULE;
            return null;
        }
        DateTime next = it.peekDateTime();
        if (next.getYear() > RuleLimits.LAST_YEAR) {
            end = End.RULE;
            return null;
        }
        return local(next);
    }

    /** {@code t} moved on by {@code n} periods of the rule, at most to the end of the year 9999. */
    private LocalDateTime plusPeriods(LocalDateTime t, long n) {
        long units = n * interval;
        LocalDateTime moved = switch (rule.getFreq()) {
            case YEARLY -> t.plusYears(Math.min(units, RuleLimits.LAST_YEAR));
            case MONTHLY -> t.plusMonths(units);
            case WEEKLY -> t.plusWeeks(units);
            case DAILY -> t.plusDays(units);
            default -> t.plusHours(units);
        };
        return moved.isBefore(AFTER_9999) ? moved : AFTER_9999;
    }

    private DateTime dateTime(LocalDateTime t) {
        return new DateTime(timeZone, t.getYear(), t.getMonthValue() - 1, t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    }

    /** Why the walk ended; null while it goes on. */
    End end() {
        return end;
    }

    /** The instances charged so far. */
    long spent() {
        return spent;
    }

    private void charge(LocalDateTime instance) {
        long p = period(instance);
        if (period == Long.MIN_VALUE) {
            spent += perPeriod;
        } else if (p > period) {
            spent += perPeriod * ((p - period + interval - 1) / interval);
        }
        period = Math.max(period, p);
    }

    /**
     * lib-recur gives up with an exception on a rule that matches nothing more ("too many empty recurrence sets",
     * IllegalArgumentException or IllegalStateException) and throws when iterated past its end: either way, no
     * further instance.
     */
    private void stop(RuntimeException e) {
        if (!(e instanceof IllegalArgumentException || e instanceof IllegalStateException
            || e instanceof ArrayIndexOutOfBoundsException)) {
            throw e;
        }
        end = End.RULE;
    }

    /** The index of the period {@code t} falls in, in units of the rule's frequency. */
    private long period(LocalDateTime t) {
        long day = t.toLocalDate().toEpochDay();
        return switch (rule.getFreq()) {
            case YEARLY -> t.getYear();
            case MONTHLY -> t.getYear() * 12L + t.getMonthValue() - 1;
            // 1970-01-01 was a Thursday: day + 3 counts from a Monday
            case WEEKLY -> Math.floorDiv(day + 3 - (EnglishWords.dayOfWeek(rule.getWeekStart()).getValue() - 1), 7);
            case DAILY -> day;
            default -> day * 24 + t.getHour();
        };
    }

    static LocalDateTime local(DateTime d) {
        return LocalDateTime.of(d.getYear(), d.getMonth() + 1, d.getDayOfMonth(), d.getHours(), d.getMinutes(), d.getSeconds());
    }
}
