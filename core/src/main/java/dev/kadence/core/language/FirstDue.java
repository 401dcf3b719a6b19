package dev.kadence.core.language;

import dev.kadence.core.error.Violations;
import dev.kadence.core.recurrence.Mode;
import dev.kadence.core.recurrence.NextOccurrence;
import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.recurrence.Rules;
import dev.kadence.core.recurrence.WallTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Where a series said in words starts. It is due at its first occurrence after now, on or after its first day (the day
 * said with "starting" or alone, else today), at the time said, else at the end of the day (23:59), which it then
 * keeps. The days the rule names choose that occurrence ("every 2 weeks on Mon" said on a Wednesday: next Monday,
 * then every other Monday from there); a rule whose days follow its start ("every week", "every 3 days", "every!
 * month") starts on its first day, or the next day once that day's time has passed, and keeps that weekday or day of
 * the month. The occurrences themselves are the recurrence engine's ({@link NextOccurrence}).
 */
final class FirstDue {
    /** The rule as the API stores it, and the first due time (the series' start). */
    record Series(RecurrenceSpec spec, Instant first) {
    }

    private FirstDue() {
    }

    /** The series, or null when it would never occur (until before its first due, "every Feb 30"). */
    static Series of(Cadence cadence, Mode mode, LocalDate firstDay, LocalTime stated, Integer count, LocalDate until,
                     ReadingContext context) {
        ZoneId zone = context.zone();
        LocalDate anchor = firstDay != null ? firstDay : Days.today(context);
        LocalTime time = stated != null ? stated : Hours.END_OF_DAY;
        // each day on or after the anchor the rule picks, at the time said: its first occurrence is the first after now
        Cadence days = cadence.fromStart() ? Cadence.every(Cadence.Frequency.DAILY, 1) : cadence.withInterval(1);
        Instant dayBefore = WallTime.instant(anchor.minusDays(1).atTime(time), zone);
        Instant anchorAt = WallTime.instant(anchor.atTime(time), zone);
        Instant after = context.now().isAfter(anchorAt.minusSeconds(1)) ? context.now() : anchorAt.minusSeconds(1);
        Optional<Instant> first = NextOccurrence.after(days.rule(stated, null, null), zone, dayBefore, after);
        if (first.isEmpty()) {
            return null;
        }
        Violations violations = new Violations();
        String rule = Rules.parse("recurrence.rule", cadence.rule(stated, count, until), violations);
        if (rule == null) {
            return null;
        }
        rule = Rules.inZone(rule, zone);
        Rules.checkOccurs("recurrence.rule", rule, first.get(), zone, violations);
        return violations.isEmpty() ? new Series(new RecurrenceSpec(rule, zone, mode), first.get()) : null;
    }
}
