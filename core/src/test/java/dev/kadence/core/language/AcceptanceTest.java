package dev.kadence.core.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phrases issue #15 names: quick add, and what the assistant hands over once it has taken its own words off.
 * Read on Wednesday 9 December 2026, 10:00 in Berlin. Each row: text | title | due (local) | rule | mode | priority |
 * tags | reminders | what was read as what.
 */
class AcceptanceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "Pay rent every month on the 1st p1 #home | Pay rent | 2027-01-01T23:59 | FREQ=MONTHLY;BYMONTHDAY=1 | SCHEDULE | HIGH | home | | recurrence:every month on the 1st ; priority:p1 ; tag:#home",
        "Standup every weekday at 9:30 @work | Standup | 2026-12-10T09:30 | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=30 | SCHEDULE | | work | | recurrence:every weekday ; due:at 9:30 ; tag:@work",
        "Water plants every 3 days at 8am | Water plants | 2026-12-10T08:00 | FREQ=DAILY;INTERVAL=3;BYHOUR=8;BYMINUTE=0 | SCHEDULE | | | | recurrence:every 3 days ; due:at 8am",
        "Review budget every last Friday at 4pm | Review budget | 2026-12-25T16:00 | FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=16;BYMINUTE=0 | SCHEDULE | | | | recurrence:every last Friday ; due:at 4pm",
        "Call mom tomorrow at 6pm remind me 30 minutes before | Call mom | 2026-12-10T18:00 | | | | | PT30M | due:tomorrow ; due:at 6pm ; reminder:remind me 30 minutes before",
        "Gym every Mon, Wed and Fri at 7am #health | Gym | 2026-12-11T07:00 | FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=7;BYMINUTE=0 | SCHEDULE | | health | | recurrence:every Mon, Wed and Fri ; due:at 7am ; tag:#health",
        "Clean gutters every! 2 weeks | Clean gutters | 2026-12-09T23:59 | FREQ=WEEKLY;INTERVAL=2 | COMPLETION | | | | recurrence:every! 2 weeks",
        "standup every Monday at 9 AM | standup | 2026-12-14T09:00 | FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0 | SCHEDULE | | | | recurrence:every Monday ; due:at 9 AM",
        "submit my weekly report every Friday at 2 PM | submit my weekly report | 2026-12-11T14:00 | FREQ=WEEKLY;BYDAY=FR;BYHOUR=14;BYMINUTE=0 | SCHEDULE | | | | recurrence:every Friday ; due:at 2 PM",
        "dentist appointment tomorrow at 9 AM | dentist appointment | 2026-12-10T09:00 | | | | | | due:tomorrow ; due:at 9 AM",
        "Team Standup daily at 9 AM with a reminder 15 minutes before | Team Standup | 2026-12-10T09:00 | FREQ=DAILY;BYHOUR=9;BYMINUTE=0 | SCHEDULE | | | PT15M | recurrence:daily ; due:at 9 AM ; reminder:with a reminder 15 minutes before",
        "Submit report due at 5 PM with a 1 hour reminder | Submit report | 2026-12-09T17:00 | | | | | PT1H | due:due at 5 PM ; reminder:with a 1 hour reminder",
    })
    void readsTheIssuesPhrases(String text, String title, String due, String rule, String mode, String priority,
                               String tags, String reminders, String spans) {
        var context = Readings.context();
        var r = Readings.read(text, context);
        assertThat(r.title()).isEqualTo(title);
        assertThat(Readings.local(r.dueAt(), context)).isEqualTo(due);
        assertThat(r.recurrence() == null ? null : r.recurrence().rule()).isEqualTo(rule);
        assertThat(r.recurrence() == null ? null : r.recurrence().mode().name()).isEqualTo(mode);
        assertThat(r.priority() == null ? null : r.priority().name()).isEqualTo(priority);
        assertThat(r.tags()).isEqualTo(tags == null ? List.of() : List.of(tags.split(" ")));
        assertThat(Readings.reminders(r, context)).isEqualTo(reminders);
        assertThat(Readings.spans(r)).isEqualTo(spans.replace(" ; ", " | "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // "due at 5 PM" once 17:00 has passed today is tomorrow
        "Submit report due at 5 PM | 2026-12-09T18:00 | 2026-12-10T17:00",
        "Submit report due at 5 PM | 2026-12-09T16:59 | 2026-12-09T17:00",
    })
    void aTimeThatHasPassedIsTomorrow(String text, String now, String due) {
        var context = Readings.context(null, now, null);
        assertThat(Readings.local(Readings.read(text, context).dueAt(), context)).isEqualTo(due);
    }
}
