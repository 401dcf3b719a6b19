package dev.kadence.core.recurrence;

import dev.kadence.core.time.Times;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * The occurrences of one series: DTSTART, then the rule's instances in local wall time of the zone, each resolved
 * to an instant by {@link WallTime}. lib-recur leaves a DTSTART that does not match the rule out (and does not count
 * it toward COUNT); RFC 5545 counts it as the first occurrence, so this does too.
 *
 * <p>Bounded: each call walks the rule once, within {@link RuleWalk#BUDGET}, and stops at the end of the year 9999.
 * A stored rule that no longer passes {@link RuleLimits} (or no longer parses) is not evaluated: its series has its
 * start and no further occurrence.
 */
final class Occurrences {
    private final RecurrenceRule rule;
    private final ZoneId zone;
    private final TimeZone timeZone;
    private final Instant start;

    Occurrences(String ruleText, ZoneId zone, Instant start) {
        this.rule = Rules.evaluable(ruleText);
        this.zone = zone;
        this.timeZone = TimeZone.getTimeZone(zone);
        this.start = start.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * What one call found: up to n occurrences, whether it stopped short because the budget was spent, and how much of
     * the budget it used ({@link RuleWalk#spent}; none when the rule is not evaluated).
     */
    record Found(List<Instant> instants, boolean exhausted, long spent) {
    }

    /** The first {@code n} occurrences strictly after {@code after}, fewer when the series ends or the budget is spent. */
    List<Instant> after(Instant after, int n) {
        return find(after, n).instants();
    }

    Found find(Instant after, int n) {
        List<Instant> found = new ArrayList<>();
        if (n <= 0) {
            return new Found(List.of(), false, 0);
        }
        Instant last = after;
        if (start.isAfter(after)) {
            found.add(start);
            last = start;
        }
        if (found.size() == n || rule == null || !countStartSeparately()) {
            return new Found(List.copyOf(found), false, 0);
        }
        long target = fastForwardTarget(last);
        LocalDateTime from = LocalDateTime.ofInstant(Instant.ofEpochMilli(target), zone);
        RuleWalk walk = new RuleWalk(rule, iterationStart(from));
        walk.fastForward(target, from);
        for (LocalDateTime local; found.size() < n && (local = walk.next()) != null; ) {
            Instant next = WallTime.instant(local, zone);
            if (next.isAfter(Times.LATEST)) {
                break;
            }
            if (next.isAfter(last)) {
                found.add(next);
                last = next;
            }
        }
        return new Found(List.copyOf(found), walk.end() == RuleWalk.End.BUDGET, walk.spent());
    }

    /**
     * When DTSTART is not one of the rule's instances, it takes one of COUNT's occurrences. Returns false when
     * that leaves none for the rule.
     */
    private boolean countStartSeparately() {
        Integer count = rule.getCount();
        if (count == null) {
            return true;
        }
        LocalDateTime first = new RuleWalk(rule, new DateTime(timeZone, start.toEpochMilli())).next();
        if (first == null) {
            return false;
        }
        if (first.equals(LocalDateTime.ofInstant(start, zone))) {
            return true;
        }
        if (count <= 1) {
            return false;
        }
        rule.setCount(count - 1);
        return true;
    }

    /**
     * lib-recur fast-forwards period by period (about 2 ns each), so an hourly series from decades ago would take
     * milliseconds. Without COUNT, an HOURLY, DAILY or WEEKLY series can instead start whole intervals later, one
     * interval before {@code target}: the same period grid, time of day and weekday, so the same instances from there.
     */
    private DateTime iterationStart(LocalDateTime target) {
        LocalDateTime first = LocalDateTime.ofInstant(start, zone);
        ChronoUnit unit = switch (rule.getFreq()) {
            case HOURLY -> ChronoUnit.HOURS;
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            default -> null;
        };
        if (unit == null || rule.getCount() != null) {
            return new DateTime(timeZone, start.toEpochMilli());
        }
        long intervals = unit.between(first, target) / rule.getInterval() - 1;
        LocalDateTime from = intervals > 0 ? first.plus(intervals * rule.getInterval(), unit) : first;
        return new DateTime(timeZone, from.getYear(), from.getMonthValue() - 1, from.getDayOfMonth(),
            from.getHour(), from.getMinute(), from.getSecond());
    }

    /**
     * Where lib-recur may skip to: local instances before this cannot resolve after {@code after}. That is the local
     * time of {@code after}, except just after a spring-forward gap, whose local times resolve to the gap's end.
     */
    private long fastForwardTarget(Instant after) {
        ZoneOffsetTransition previous = zone.getRules().previousTransition(after);
        if (previous != null && previous.isGap() && after.isBefore(previous.getInstant().plus(previous.getDuration()))) {
            return previous.getInstant().toEpochMilli() - 1;
        }
        return after.toEpochMilli();
    }
}
