package dev.kadence.core.task;

import dev.kadence.core.error.Violations;
import dev.kadence.core.recurrence.NextDue;
import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.recurrence.Rules;
import dev.kadence.core.user.Accounts;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a recurrence would do before it is saved: the editor shows the rule in words and its next due times, computed
 * by the same code that will run the series, so DST, invalid dates and completion mode look as they will behave.
 */
@Singleton
public class RecurrencePreviews {
    private final Accounts accounts;
    private final Clock clock;

    RecurrencePreviews(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** {@code rule} as it will be stored (in its zone), the zone, the mode, the summary and the next five due times. */
    @Serdeable
    public record Preview(String rule, String timezone, String mode, String summary, List<Instant> nextOccurrences) {
    }

    /** A recurrence and its first due time, to preview. */
    public record Request(RecurrenceSpec recurrence, Instant dueAt) {
    }

    /** What {@code request} would do for this user: its rule in their zone unless it names one, and its next due times. */
    @Transactional
    public Preview preview(UUID userId, Request request) {
        Instant due = request.dueAt();
        RecurrenceSpec spec = request.recurrence();
        Violations v = new Violations();
        RecurrenceSpec effective = spec.inZone(accounts.get(userId).zone());
        Rules.checkOccurs("recurrence.rule", effective.rule(), due, effective.zone(), v);
        v.throwIfAny();
        List<Instant> next = NextDue.upcoming(effective.mode(), effective.rule(), effective.zone(), due, due, 1,
            clock.instant(), TaskViews.UPCOMING);
        return new Preview(effective.rule(), effective.zone().getId(), effective.mode().wire(),
            TaskViews.summary(effective.rule(), effective.zone(), due, effective.mode()), next);
    }
}
