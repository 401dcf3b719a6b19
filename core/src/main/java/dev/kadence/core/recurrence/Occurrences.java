package dev.kadence.core.recurrence;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

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
 */
final class Occurrences {
    /**
     * Steps after fast-forwarding. A non-COUNT rule needs a handful (lib-recur jumps to the target and gives up by
     * itself on rules that match nothing); a COUNT rule is counted from the start, and COUNT is at most
     * {@link Rules#MAX_COUNT}. Reaching the cap means "no more occurrences".
     */
    static final int MAX_STEPS = 100_000;

    private final RecurrenceRule rule;
    private final ZoneId zone;
    private final TimeZone timeZone;
    private final Instant start;

    Occurrences(String ruleText, ZoneId zone, Instant start) {
        this.rule = Rules.rule(ruleText);
        this.zone = zone;
        this.timeZone = TimeZone.getTimeZone(zone);
        this.start = start.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The first {@code n} occurrences strictly after {@code after}, fewer when the series ends. */
    List<Instant> after(Instant after, int n) {
        List<Instant> found = new ArrayList<>(Math.max(n, 0));
        if (n <= 0) {
            return found;
        }
        Instant last = after;
        if (start.isAfter(after)) {
            found.add(start);
            last = start;
        }
        if (found.size() == n || !countStartSeparately()) {
            return found;
        }
        try {
            long target = fastForwardTarget(last);
            RecurrenceRuleIterator it = rule.iterator(iterationStart(LocalDateTime.ofInstant(Instant.ofEpochMilli(target), zone)));
            it.fastForward(target);
            for (int step = 0; step < MAX_STEPS && found.size() < n && it.hasNext(); step++) {
                Instant next = WallTime.instant(local(it.nextDateTime()), zone);
                if (next.isAfter(last)) {
                    found.add(next);
                    last = next;
                }
            }
        } catch (IllegalArgumentException e) {
            // lib-recur: "too many filtered recurrence instances", a rule that matches no further date
        }
        return found;
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
        try {
            RecurrenceRuleIterator first = rule.iterator(new DateTime(timeZone, start.toEpochMilli()));
            if (first.hasNext() && local(first.nextDateTime()).equals(LocalDateTime.ofInstant(start, zone))) {
                return true;
            }
        } catch (IllegalArgumentException e) {
            return false;
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

    private static LocalDateTime local(DateTime d) {
        return LocalDateTime.of(d.getYear(), d.getMonth() + 1, d.getDayOfMonth(), d.getHours(), d.getMinutes(), d.getSeconds());
    }
}
