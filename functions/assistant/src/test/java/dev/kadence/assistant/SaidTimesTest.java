package dev.kadence.assistant;

import dev.kadence.core.error.FieldError;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.Violations;
import dev.kadence.core.language.ReadingContext;
import dev.kadence.core.reminder.ReminderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the MCP tools read what their arguments say about time: the API's forms first, else words, read whole. */
class SaidTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 7 December 2026, 11:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final SaidTimes said = new SaidTimes(new ReadingContext(BERLIN, ReadingContext.DateOrder.DAY_MONTH, NOW));

    @Test
    void aDueTimeIsRfc3339OrWordsReadInTheUsersZone() {
        assertThat(due("2026-12-24T17:00:00+01:00")).isEqualTo("2026-12-24T16:00:00Z");
        assertThat(due("tomorrow at 5pm")).isEqualTo("2026-12-08T16:00:00Z");
        assertThat(due("Dec 24")).isEqualTo("2026-12-24T22:59:00Z");           // a day without a time: its end
        assertThat(due("  next Friday at 9:30 ")).isEqualTo("2026-12-11T08:30:00Z");
        assertProblem(() -> due("tomorrow at 5pm with Bob"), "due", "unreadable_date");
        assertProblem(() -> due("every Monday"), "due", "unreadable_date");
        assertProblem(() -> due("tomorrow #work"), "due", "unreadable_date");
        assertProblem(() -> due("2026-02-30T10:00:00Z"), "due", "invalid_datetime");
    }

    @Test
    void aBoundOfASearchIsADayWhenNoTimeWasSaid() {
        assertThat(bound("next Friday")).isEqualTo("2026-12-11");
        assertThat(bound("2026-12-24")).isEqualTo("2026-12-24");
        assertThat(bound("tomorrow at 9am")).isEqualTo("2026-12-08T09:00:00+01:00");
        assertThat(bound("2026-12-24T00:00:00Z")).isEqualTo("2026-12-24T00:00:00Z");
    }

    @Test
    void aRepeatIsAnRruleOrWordsWithItsFirstOccurrence() {
        SaidTimes.Repeat weekly = repeat("every Monday at 9am");
        assertThat(weekly.spec().rule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0");
        assertThat(weekly.spec().zone()).isEqualTo(BERLIN);
        assertThat(weekly.firstDue()).isEqualTo(Instant.parse("2026-12-14T08:00:00Z"));   // today's 9:00 has passed
        assertThat(repeat("every! 3 days").spec().mode().wire()).isEqualTo("completion");
        SaidTimes.Repeat rule = repeat("RRULE:FREQ=MONTHLY;BYMONTHDAY=1");
        assertThat(rule.spec().rule()).isEqualTo("RRULE:FREQ=MONTHLY;BYMONTHDAY=1");       // the API's reader checks it
        assertThat(rule.firstDue()).isNull();
        assertProblem(() -> repeat("now and then"), "repeat", "unreadable_repeat");
        assertProblem(() -> repeat("every Monday #gym"), "repeat", "unreadable_repeat");
    }

    @Test
    void aReminderIsReadAfterTheTasksDueTime() {
        Instant due = Instant.parse("2026-12-24T16:00:00Z");                               // 17:00 in Berlin
        assertThat(reminders("15 minutes before", due, false)).containsExactly(ReminderSpec.beforeDue("PT15M"));
        assertThat(reminders("remind me 1 day and 1 hour before", due, false))
            .containsExactly(ReminderSpec.beforeDue("P1D"), ReminderSpec.beforeDue("PT1H"));
        assertThat(reminders("at 8:45", due, false)).containsExactly(new ReminderSpec(Instant.parse("2026-12-24T07:45:00Z"), null));
        assertThat(reminders("tomorrow at 9am", due, false)).containsExactly(new ReminderSpec(Instant.parse("2026-12-08T08:00:00Z"), null));
        assertThat(reminders("PT30M", due, false)).containsExactly(ReminderSpec.beforeDue("PT30M"));
        assertThat(reminders("2026-12-24T12:00:00+01:00", due, false))
            .containsExactly(new ReminderSpec(Instant.parse("2026-12-24T11:00:00Z"), null));
        assertProblem(() -> reminders("whenever", due, false), "when", "unreadable_reminder");
        assertProblem(() -> reminders("P2Y", due, false), "when", "invalid_duration");
    }

    @Test
    void aTimeEarlierOnARepeatingTasksDueDayComesWithEveryInstance() {
        Instant due = Instant.parse("2026-12-14T08:00:00Z");                               // Monday 9:00 in Berlin
        assertThat(reminders("at 8:45", due, true)).containsExactly(ReminderSpec.beforeDue("PT15M"));
        assertThat(reminders("at 8:45", due, false)).containsExactly(new ReminderSpec(Instant.parse("2026-12-14T07:45:00Z"), null));
        assertThat(reminders("tomorrow at 9am", due, true)).containsExactly(new ReminderSpec(Instant.parse("2026-12-08T08:00:00Z"), null));
    }

    @Test
    void aReminderBeforeTheDueTimeOfATaskWithoutOneIsLeftForTheApiToRefuse() {
        assertThat(reminders("15 minutes before", null, false)).containsExactly(ReminderSpec.beforeDue("PT15M"));
        assertThat(reminders("at 18:00", null, false)).containsExactly(new ReminderSpec(Instant.parse("2026-12-07T17:00:00Z"), null));
    }

    private String due(String text) {
        return read(v -> said.due("due", text, v)).toString();
    }

    private String bound(String text) {
        return read(v -> said.bound("due_from", text, v));
    }

    private SaidTimes.Repeat repeat(String text) {
        return read(v -> said.repeat("repeat", text, v));
    }

    private List<ReminderSpec> reminders(String text, Instant due, boolean repeats) {
        return read(v -> said.reminders("when", text, due, repeats, v));
    }

    private static <T> T read(java.util.function.Function<Violations, T> reading) {
        Violations v = new Violations();
        T read = reading.apply(v);
        v.throwIfAny();
        return read;
    }

    private static void assertProblem(Runnable reading, String field, String code) {
        assertThatThrownBy(reading::run).isInstanceOfSatisfying(KadenceException.class, e ->
            assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(org.assertj.core.groups.Tuple.tuple(field, code)));
    }
}
