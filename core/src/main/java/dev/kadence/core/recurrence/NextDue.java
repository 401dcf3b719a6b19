package dev.kadence.core.recurrence;

import dev.kadence.core.time.Times;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** When the next instance of a series is due once the current one is completed, in either {@link Mode}. */
public final class NextDue {
    private NextDue() {
    }

    /**
     * @param previousDue     the completed instance's due time
     * @param instancesSoFar  how many instances the series has had, the completed one included (COUNT in completion
     *                        mode counts instances, which only the caller knows; schedule mode counts occurrences)
     */
    public static Optional<Instant> of(Mode mode, String rule, ZoneId zone, Instant start, Instant previousDue,
                                       Instant completedAt, int instancesSoFar) {
        return switch (mode) {
            case SCHEDULE -> onSchedule(rule, zone, start, previousDue, completedAt);
            case COMPLETION -> afterCompletion(rule, zone, start, completedAt, instancesSoFar);
        };
    }

    /** At most this many missed occurrences are reported for one move (an hourly series after a long outage). */
    public static final int MAX_MISSED = 1000;

    /** An open instance moving on: the occurrences it missed (its own due first) and its new due time. */
    public record Move(List<Instant> missed, Instant next) {
    }

    /**
     * Where an instance still open when its due time {@code due} passed moves to, by {@code now}: in schedule mode the
     * first occurrence after now, having missed its own occurrence and any others up to now; in completion mode, as if
     * it were completed now. Empty when COUNT or UNTIL leaves no further occurrence (the instance then stays where it
     * is). {@code instance} is its number in the series (completion mode counts COUNT in instances).
     */
    public static Optional<Move> afterMissed(Mode mode, String rule, ZoneId zone, Instant start, Instant due,
                                             Instant now, int instance) {
        Instant after = now.isAfter(due) ? now : due;
        if (mode == Mode.COMPLETION) {
            return afterCompletion(rule, zone, start, after, instance).map(next -> new Move(List.of(due), next));
        }
        List<Instant> missed = new ArrayList<>(List.of(due));
        for (Instant o : NextOccurrence.upcoming(rule, zone, start, due, MAX_MISSED - 1)) {
            if (o.isAfter(after)) {
                return Optional.of(new Move(missed, o));
            }
            missed.add(o);
        }
        return NextOccurrence.after(rule, zone, start, after).map(next -> new Move(missed, next));
    }

    /**
     * The series' next {@code n} due times as of {@code now}, for display. Schedule mode: the open instance's due and
     * the occurrences after it (when it is overdue, those after now: the clock moves it to the first).
     * Completion mode depends on when each instance is completed: the open instance's due (when still ahead), then
     * what follows if each one is completed when due.
     */
    public static List<Instant> upcoming(Mode mode, String rule, ZoneId zone, Instant start, Instant due, int instance,
                                         Instant now, int n) {
        if (mode == Mode.SCHEDULE) {
            if (!due.isAfter(now)) {
                return NextOccurrence.upcoming(rule, zone, start, now, n);    // overdue: the clock moves it on
            }
            List<Instant> found = new ArrayList<>(List.of(due));        // not an earlier occurrence it was completed for
            found.addAll(NextOccurrence.upcoming(rule, zone, start, due, n - 1));
            return List.copyOf(found);
        }
        List<Instant> found = new ArrayList<>();
        Optional<Instant> next = due.isAfter(now) ? Optional.of(due) : afterCompletion(rule, zone, start, now, instance);
        for (int completed = instance; next.isPresent() && found.size() < n; completed++) {
            found.add(next.get());
            next = afterCompletion(rule, zone, start, next.get(), completed);
        }
        return List.copyOf(found);
    }

    /** The first occurrence after both the completed instance's due and the completion: completing late never yields an overdue instance. */
    public static Optional<Instant> onSchedule(String rule, ZoneId zone, Instant start, Instant previousDue, Instant completedAt) {
        Instant after = completedAt.isAfter(previousDue) ? completedAt : previousDue;
        return NextOccurrence.after(rule, zone, start, after);
    }

    /**
     * The completion time advanced by the rule's interval (FREQ × INTERVAL) in local wall time, at the rule's time of
     * day (BYHOUR/BYMINUTE/BYSECOND when given, else the start's); a month or year step from a day the target month
     * lacks lands on its last day (31 January + 1 month = 28 February). Empty once UNTIL or COUNT is reached, after
     * the year 9999, and for a stored rule that is not evaluated ({@link Rules#evaluable}).
     */
    public static Optional<Instant> afterCompletion(String ruleText, ZoneId zone, Instant start, Instant completedAt,
                                                    int instancesSoFar) {
        RecurrenceRule rule = Rules.evaluable(ruleText);
        if (rule == null || rule.getCount() != null && instancesSoFar >= rule.getCount()) {
            return Optional.empty();
        }
        LocalDateTime done = LocalDateTime.ofInstant(completedAt, zone);
        LocalTime at = timeOfDay(rule, LocalDateTime.ofInstant(start, zone).toLocalTime());
        int n = rule.getInterval();
        LocalDateTime next = switch (rule.getFreq()) {
            case HOURLY -> LocalDateTime.ofInstant(completedAt.plusSeconds(3600L * n), zone)
                .withMinute(at.getMinute()).withSecond(at.getSecond()).withNano(0);
            case DAILY -> done.toLocalDate().plusDays(n).atTime(at);
            case WEEKLY -> done.toLocalDate().plusWeeks(n).atTime(at);
            case MONTHLY -> done.toLocalDate().plusMonths(n).atTime(at);
            case YEARLY -> done.toLocalDate().plusYears(n).atTime(at);
            default -> throw new IllegalArgumentException("unsupported frequency " + rule.getFreq());
        };
        Instant due = WallTime.instant(next, zone);
        if (due.isAfter(Times.LATEST)) {
            return Optional.empty();
        }
        DateTime until = rule.getUntil();
        if (until != null && !withinUntil(due, until, zone)) {
            return Optional.empty();
        }
        return Optional.of(due);
    }

    static LocalTime timeOfDay(RecurrenceRule rule, LocalTime startTime) {
        return LocalTime.of(
            first(rule, RecurrenceRule.Part.BYHOUR, startTime.getHour()),
            first(rule, RecurrenceRule.Part.BYMINUTE, startTime.getMinute()),
            Math.min(59, first(rule, RecurrenceRule.Part.BYSECOND, startTime.getSecond())));   // RFC 5545 allows a leap second, 60
    }

    private static int first(RecurrenceRule rule, RecurrenceRule.Part part, int otherwise) {
        List<Integer> values = rule.getByPart(part);
        return values == null || values.isEmpty() ? otherwise : values.stream().min(Integer::compare).orElseThrow();
    }

    private static boolean withinUntil(Instant due, DateTime until, ZoneId zone) {
        Instant bound = Rules.untilInstant(until, zone);
        return until.isAllDay() ? due.isBefore(bound) : !due.isAfter(bound);
    }
}
