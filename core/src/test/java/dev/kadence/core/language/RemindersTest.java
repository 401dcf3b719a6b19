package dev.kadence.core.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders, read on Wednesday 9 December 2026 at 10:00 in Berlin: a duration before the due time (needs one: without
 * it the words stay in the title), or a time on the due day (today or tomorrow without one; for a series, a time
 * earlier the same day becomes a duration before, so every instance has it). Several in one phrase or in several.
 * Each row: text | title | due (local) | reminders (before, or at a local time) | what was read as what.
 */
class RemindersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Plan remind me 15 minutes before tomorrow | Plan | 2026-12-10T23:59 | PT15M | reminder:remind me 15 minutes before ; due:tomorrow",
        "Plan tomorrow remind me 1 hour before | Plan | 2026-12-10T23:59 | PT1H | due:tomorrow ; reminder:remind me 1 hour before",
        "Plan tomorrow remind me 2 days before | Plan | 2026-12-10T23:59 | P2D | due:tomorrow ; reminder:remind me 2 days before",
        "Plan tomorrow remind me 1 week before | Plan | 2026-12-10T23:59 | P1W | due:tomorrow ; reminder:remind me 1 week before",
        "Plan tomorrow remind me half an hour before | Plan | 2026-12-10T23:59 | PT30M | due:tomorrow ; reminder:remind me half an hour before",
        "Plan tomorrow remind me 90 min before | Plan | 2026-12-10T23:59 | PT1H30M | due:tomorrow ; reminder:remind me 90 min before",
        "Plan tomorrow remind me 2h before, at 9am and 10 min before | Plan | 2026-12-10T23:59 | PT2H 2026-12-10T09:00 PT10M | due:tomorrow ; reminder:remind me 2h before, at 9am and 10 min before",
        "Plan tomorrow at 6pm remind me at 5pm | Plan | 2026-12-10T18:00 | 2026-12-10T17:00 | due:tomorrow ; due:at 6pm ; reminder:remind me at 5pm",
        "Plan remind me at 8:45 | Plan |  | 2026-12-10T08:45 | reminder:remind me at 8:45",
        "Plan remind me at 9 | Plan |  | 2026-12-10T09:00 | reminder:remind me at 9",
        "Plan remind me 15 minutes before | Plan remind me 15 minutes before |  |  | ",
        "Plan tomorrow reminder 30 min before | Plan | 2026-12-10T23:59 | PT30M | due:tomorrow ; reminder:reminder 30 min before",
        "Plan tomorrow with a 30-minute reminder | Plan | 2026-12-10T23:59 | PT30M | due:tomorrow ; reminder:with a 30-minute reminder",
        "Plan tomorrow with an hour reminder | Plan | 2026-12-10T23:59 | PT1H | due:tomorrow ; reminder:with an hour reminder",
        "Plan tomorrow with reminders 1 day and 1 hour before | Plan | 2026-12-10T23:59 | P1D PT1H | due:tomorrow ; reminder:with reminders 1 day and 1 hour before",
        "Plan every weekday at 9:30 remind me at 8:45 | Plan | 2026-12-10T09:30 | PT45M | recurrence:every weekday ; due:at 9:30 ; reminder:remind me at 8:45",
        "Plan every weekday at 9:30 remind me at 10:00 | Plan | 2026-12-10T09:30 | 2026-12-10T10:00 | recurrence:every weekday ; due:at 9:30 ; reminder:remind me at 10:00",
        "Plan tomorrow remind me 15 minutes before remind me 1 hour before | Plan | 2026-12-10T23:59 | PT15M PT1H | due:tomorrow ; reminder:remind me 15 minutes before ; reminder:remind me 1 hour before",
        "Plan tomorrow remind me 15 minutes before and 15 minutes before | Plan | 2026-12-10T23:59 | PT15M | due:tomorrow ; reminder:remind me 15 minutes before and 15 minutes before",
    })
    void readsReminders(String text, String title, String due, String reminders, String spans) {
        var context = Readings.context();
        var r = Readings.read(text, context);
        assertThat(r.title()).isEqualTo(title);
        assertThat(Readings.local(r.dueAt(), context)).isEqualTo(due);
        assertThat(Readings.reminders(r, context)).isEqualTo(reminders);
        assertThat(Readings.spans(r)).isEqualTo(spans == null ? null : spans.replace(" ; ", " | "));
    }
}
