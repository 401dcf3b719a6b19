package dev.kadence.core.language;

import dev.kadence.core.error.Violations;
import dev.kadence.core.language.Sentence.Claim;
import dev.kadence.core.recurrence.Mode;
import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.recurrence.WallTime;
import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.tag.TagNames;
import dev.kadence.core.task.Priority;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of one sentence put together into a task. The first of two parts that say the same thing wins (the other's
 * words stay in the title): one priority, one day, one time, one rule. What cannot stand is dropped the same way: a
 * rule that never occurs, "until …" without a rule, a reminder before the due time of a task that has none.
 */
final class Assembly {
    /** What was read, and the claims it was read from. */
    record Result(Priority priority, List<String> tags, Instant dueAt, RecurrenceSpec recurrence,
                  List<ReminderSpec> reminders, List<Claim> kept) {
    }

    private final ReadingContext context;
    private final List<Claim> kept = new ArrayList<>();
    private Priority priority;
    private final Set<String> tags = new LinkedHashSet<>();
    private Part.Day day;
    private Part.TimeOfDay time;
    private Part.Moment moment;
    private Part.Repeats repeats;
    private Part.Starting starting;
    private Part.Until until;
    private Part.Times times;
    private boolean fromCompletion;

    private Assembly(ReadingContext context) {
        this.context = context;
    }

    static Result of(List<Claim> claims, ReadingContext context) {
        Assembly a = new Assembly(context);
        List<Claim> reminders = new ArrayList<>();
        for (Claim claim : claims) {
            if (claim.part() instanceof Part.Reminders) {
                reminders.add(claim);
            } else if (a.take(claim.part())) {
                a.kept.add(claim);
            }
        }
        return a.result(reminders);
    }

    /** Takes a part unless one that says the same is already there. */
    private boolean take(Part part) {
        switch (part) {
            case Part.PriorityIs p when priority == null -> priority = p.priority();
            case Part.Tag t -> {
                String name = TagNames.normalize("tags", t.name(), new Violations());
                if (name == null || !tags.contains(name) && tags.size() >= TagNames.MAX_PER_TASK) {
                    return false;
                }
                tags.add(name);    // said twice ("#home #Home"): one tag, both read
            }
            case Part.Day d when day == null && moment == null -> day = d;
            case Part.TimeOfDay t when time == null && moment == null -> time = t;
            case Part.Moment m when day == null && time == null && moment == null -> moment = m;
            case Part.Repeats r when repeats == null -> repeats = r;
            case Part.Starting s when starting == null -> starting = s;
            case Part.Until u when until == null && times == null -> until = u;
            case Part.Times t when times == null && until == null -> times = t;
            case Part.FromCompletion f when !fromCompletion -> fromCompletion = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    private Result result(List<Claim> reminderClaims) {
        LocalDate date = moment != null ? moment.at().toLocalDate() : day != null ? day.date() : null;
        LocalTime stated = moment != null ? moment.at().toLocalTime() : time == null ? null
            : day != null && day.evening() && time.ambiguous() ? time.time().plusHours(12) : time.time();
        FirstDue.Series series = repeats == null ? null : FirstDue.of(repeats.cadence(),
            fromCompletion ? Mode.COMPLETION : repeats.mode(), starting != null ? starting.date() : date, stated,
            times == null ? null : times.count(), until == null ? null : until.date(), context);
        if (series == null) {
            kept.removeIf(c -> c.part() instanceof Part.Repeats || c.part() instanceof Part.Starting
                || c.part() instanceof Part.Until || c.part() instanceof Part.Times || c.part() instanceof Part.FromCompletion);
        }
        Instant due = series != null ? series.first() : due(date, stated);
        List<ReminderSpec> reminders = new ArrayList<>();
        for (Claim claim : reminderClaims) {
            List<ReminderSpec> specs = reminders(((Part.Reminders) claim.part()).wishes(), due, series != null);
            if (specs != null && reminders.size() + specs.size() <= ReminderSpec.MAX_PER_TASK) {
                specs.stream().filter(s -> !reminders.contains(s)).forEach(reminders::add);
                kept.add(claim);
            }
        }
        kept.sort(java.util.Comparator.comparingInt(Claim::start));
        return new Result(priority, List.copyOf(tags), due, series == null ? null : series.spec(), List.copyOf(reminders),
            List.copyOf(kept));
    }

    /** A day without a time is due at its end; a time without a day is today, or tomorrow once it has passed today. */
    private Instant due(LocalDate date, LocalTime stated) {
        if (date == null && stated == null) {
            return null;
        }
        if (date != null) {
            return WallTime.instant(date.atTime(stated != null ? stated : Hours.END_OF_DAY), context.zone());
        }
        return nextAt(stated);
    }

    /** Today at {@code time}, or tomorrow when that has passed. */
    private Instant nextAt(LocalTime at) {
        LocalDate today = Days.today(context);
        Instant instant = WallTime.instant(today.atTime(at), context.zone());
        return instant.isAfter(context.now()) ? instant : WallTime.instant(today.plusDays(1).atTime(at), context.zone());
    }

    /**
     * The reminders of one phrase, or null when one cannot be kept: "before" needs a due time. "at 8:45" is on the due
     * day (today or tomorrow without one); for a recurring task, when that is earlier the same day, it is the duration
     * before the due time instead, so that it comes with every instance.
     */
    private List<ReminderSpec> reminders(List<Part.Wish> wishes, Instant due, boolean recurring) {
        List<ReminderSpec> specs = new ArrayList<>();
        for (Part.Wish wish : wishes) {
            ReminderSpec spec = switch (wish) {
                case Part.Before b -> due == null ? null : ReminderSpec.beforeDue(iso(b.duration()));
                case Part.At a -> at(a.time(), due, recurring);
            };
            if (spec == null) {
                return null;
            }
            specs.add(spec);
        }
        return specs;
    }

    private ReminderSpec at(LocalTime time, Instant due, boolean recurring) {
        if (due == null) {
            return new ReminderSpec(nextAt(time), null);
        }
        LocalDateTime dueLocal = LocalDateTime.ofInstant(due, context.zone());
        Instant at = WallTime.instant(dueLocal.toLocalDate().atTime(time), context.zone());
        if (recurring && at.isBefore(due)) {
            return ReminderSpec.beforeDue(iso(Duration.between(dueLocal.toLocalTime(), time).negated()));
        }
        return new ReminderSpec(at, null);
    }

    /** PT15M, PT1H, P1D, P2W as people say them. */
    private static String iso(Duration d) {
        if (d.toSeconds() % (7 * 86_400) == 0) {
            return "P" + d.toDays() / 7 + "W";
        }
        if (d.toSeconds() % 86_400 == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }
}
