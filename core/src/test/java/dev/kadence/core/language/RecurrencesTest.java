package dev.kadence.core.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recurrences, read on Wednesday 9 December 2026 at 10:00 in Berlin. A series is due at its first occurrence after now;
 * without a time it is due at 23:59 and keeps that time (no BYHOUR); with one, the rule names it. Each row: text | title |
 * due (local) | rule | mode | what was read as what. Rows without a rule: the words are not a rule ("starting Monday"
 * alone, "weekly" before a noun) and stay in the title.
 */
class RecurrencesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Pay every day | Pay | 2026-12-09T23:59 | FREQ=DAILY | SCHEDULE | recurrence:every day",
        "Pay every 3 days | Pay | 2026-12-09T23:59 | FREQ=DAILY;INTERVAL=3 | SCHEDULE | recurrence:every 3 days",
        "Pay every other week | Pay | 2026-12-09T23:59 | FREQ=WEEKLY;INTERVAL=2 | SCHEDULE | recurrence:every other week",
        "Pay every 2 weeks | Pay | 2026-12-09T23:59 | FREQ=WEEKLY;INTERVAL=2 | SCHEDULE | recurrence:every 2 weeks",
        "Pay every week | Pay | 2026-12-09T23:59 | FREQ=WEEKLY | SCHEDULE | recurrence:every week",
        "Pay every month | Pay | 2026-12-09T23:59 | FREQ=MONTHLY | SCHEDULE | recurrence:every month",
        "Pay every year | Pay | 2026-12-09T23:59 | FREQ=YEARLY | SCHEDULE | recurrence:every year",
        "Pay every other day | Pay | 2026-12-09T23:59 | FREQ=DAILY;INTERVAL=2 | SCHEDULE | recurrence:every other day",
        "Pay every 2 weeks on Mon | Pay | 2026-12-14T23:59 | FREQ=WEEKLY;INTERVAL=2;BYDAY=MO | SCHEDULE | recurrence:every 2 weeks on Mon",
        "Pay every week on Tuesday and Thursday | Pay | 2026-12-10T23:59 | FREQ=WEEKLY;BYDAY=TU,TH | SCHEDULE | recurrence:every week on Tuesday and Thursday",
        "Pay every other week on fri | Pay | 2026-12-11T23:59 | FREQ=WEEKLY;INTERVAL=2;BYDAY=FR | SCHEDULE | recurrence:every other week on fri",
        "Pay every month on the 1st | Pay | 2027-01-01T23:59 | FREQ=MONTHLY;BYMONTHDAY=1 | SCHEDULE | recurrence:every month on the 1st",
        "Pay every month on the 31st | Pay | 2026-12-31T23:59 | FREQ=MONTHLY;BYMONTHDAY=31 | SCHEDULE | recurrence:every month on the 31st",
        "Pay every 2 months on the 15th | Pay | 2026-12-15T23:59 | FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15 | SCHEDULE | recurrence:every 2 months on the 15th",
        "Pay every month on the 1st and 15th | Pay | 2026-12-15T23:59 | FREQ=MONTHLY;BYMONTHDAY=1,15 | SCHEDULE | recurrence:every month on the 1st and 15th",
        "Pay every month on the last day | Pay | 2026-12-31T23:59 | FREQ=MONTHLY;BYMONTHDAY=-1 | SCHEDULE | recurrence:every month on the last day",
        "Pay every year on Jan 27 | Pay | 2027-01-27T23:59 | FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=27 | SCHEDULE | recurrence:every year on Jan 27",
        "Pay every Jan 27 | Pay | 2027-01-27T23:59 | FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=27 | SCHEDULE | recurrence:every Jan 27",
        "Pay every 27th of January | Pay | 2027-01-27T23:59 | FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=27 | SCHEDULE | recurrence:every 27th of January",
        "Pay every year on Feb 29 | Pay | 2028-02-29T23:59 | FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29 | SCHEDULE | recurrence:every year on Feb 29",
        "Pay every last Friday | Pay | 2026-12-25T23:59 | FREQ=MONTHLY;BYDAY=-1FR | SCHEDULE | recurrence:every last Friday",
        "Pay every 3rd Friday | Pay | 2026-12-18T23:59 | FREQ=MONTHLY;BYDAY=3FR | SCHEDULE | recurrence:every 3rd Friday",
        "Pay every first Monday of the month | Pay | 2027-01-04T23:59 | FREQ=MONTHLY;BYDAY=1MO | SCHEDULE | recurrence:every first Monday of the month",
        "Pay every second tue of every month | Pay | 2027-01-12T23:59 | FREQ=MONTHLY;BYDAY=2TU | SCHEDULE | recurrence:every second tue of every month",
        "Pay the last Friday of every month | Pay | 2026-12-25T23:59 | FREQ=MONTHLY;BYDAY=-1FR | SCHEDULE | recurrence:the last Friday of every month",
        "Pay on the first Monday of each month | Pay | 2027-01-04T23:59 | FREQ=MONTHLY;BYDAY=1MO | SCHEDULE | recurrence:on the first Monday of each month",
        "Pay every last day | Pay | 2026-12-31T23:59 | FREQ=MONTHLY;BYMONTHDAY=-1 | SCHEDULE | recurrence:every last day",
        "Pay every last day of the month | Pay | 2026-12-31T23:59 | FREQ=MONTHLY;BYMONTHDAY=-1 | SCHEDULE | recurrence:every last day of the month",
        "Pay every 15th | Pay | 2026-12-15T23:59 | FREQ=MONTHLY;BYMONTHDAY=15 | SCHEDULE | recurrence:every 15th",
        "Pay every 1st and 15th | Pay | 2026-12-15T23:59 | FREQ=MONTHLY;BYMONTHDAY=1,15 | SCHEDULE | recurrence:every 1st and 15th",
        "Pay every 31st of the month | Pay | 2026-12-31T23:59 | FREQ=MONTHLY;BYMONTHDAY=31 | SCHEDULE | recurrence:every 31st of the month",
        "Pay every weekday | Pay | 2026-12-09T23:59 | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | SCHEDULE | recurrence:every weekday",
        "Pay every weekend | Pay | 2026-12-12T23:59 | FREQ=WEEKLY;BYDAY=SA,SU | SCHEDULE | recurrence:every weekend",
        "Pay every workday | Pay | 2026-12-09T23:59 | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | SCHEDULE | recurrence:every workday",
        "Pay on weekdays | Pay | 2026-12-09T23:59 | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | SCHEDULE | recurrence:on weekdays",
        "Pay every Monday | Pay | 2026-12-14T23:59 | FREQ=WEEKLY;BYDAY=MO | SCHEDULE | recurrence:every Monday",
        "Pay every mon and thu | Pay | 2026-12-10T23:59 | FREQ=WEEKLY;BYDAY=MO,TH | SCHEDULE | recurrence:every mon and thu",
        "Pay every Mon, Wed and Fri | Pay | 2026-12-09T23:59 | FREQ=WEEKLY;BYDAY=MO,WE,FR | SCHEDULE | recurrence:every Mon, Wed and Fri",
        "Pay every other Friday | Pay | 2026-12-11T23:59 | FREQ=WEEKLY;INTERVAL=2;BYDAY=FR | SCHEDULE | recurrence:every other Friday",
        "Pay every Tuesdays | Pay | 2026-12-15T23:59 | FREQ=WEEKLY;BYDAY=TU | SCHEDULE | recurrence:every Tuesdays",
        "Pay every Wednesday | Pay | 2026-12-09T23:59 | FREQ=WEEKLY;BYDAY=WE | SCHEDULE | recurrence:every Wednesday",
        "Pay every Wednesday at 9am | Pay | 2026-12-16T09:00 | FREQ=WEEKLY;BYDAY=WE;BYHOUR=9;BYMINUTE=0 | SCHEDULE | recurrence:every Wednesday ; due:at 9am",
        "Pay every Wednesday at 11am | Pay | 2026-12-09T11:00 | FREQ=WEEKLY;BYDAY=WE;BYHOUR=11;BYMINUTE=0 | SCHEDULE | recurrence:every Wednesday ; due:at 11am",
        "Pay daily | Pay | 2026-12-09T23:59 | FREQ=DAILY | SCHEDULE | recurrence:daily",
        "Pay weekly | Pay | 2026-12-09T23:59 | FREQ=WEEKLY | SCHEDULE | recurrence:weekly",
        "Pay monthly | Pay | 2026-12-09T23:59 | FREQ=MONTHLY | SCHEDULE | recurrence:monthly",
        "Pay yearly | Pay | 2026-12-09T23:59 | FREQ=YEARLY | SCHEDULE | recurrence:yearly",
        "Pay annually | Pay | 2026-12-09T23:59 | FREQ=YEARLY | SCHEDULE | recurrence:annually",
        "Pay fortnightly | Pay | 2026-12-09T23:59 | FREQ=WEEKLY;INTERVAL=2 | SCHEDULE | recurrence:fortnightly",
        "Pay daily! | Pay | 2026-12-09T23:59 | FREQ=DAILY | COMPLETION | recurrence:daily!",
        "Pay every! day | Pay | 2026-12-09T23:59 | FREQ=DAILY | COMPLETION | recurrence:every! day",
        "Pay every! Monday | Pay | 2026-12-14T23:59 | FREQ=WEEKLY;BYDAY=MO | COMPLETION | recurrence:every! Monday",
        "Pay every day after completion | Pay | 2026-12-09T23:59 | FREQ=DAILY | COMPLETION | recurrence:every day ; recurrence:after completion",
        "Pay every 3 days at 8am after it's done | Pay | 2026-12-10T08:00 | FREQ=DAILY;INTERVAL=3;BYHOUR=8;BYMINUTE=0 | COMPLETION | recurrence:every 3 days ; due:at 8am ; recurrence:after it's done",
        "Pay every Monday starting next month | Pay | 2027-01-04T23:59 | FREQ=WEEKLY;BYDAY=MO | SCHEDULE | recurrence:every Monday ; recurrence:starting next month",
        "Pay every day starting on Jan 5 | Pay | 2027-01-05T23:59 | FREQ=DAILY | SCHEDULE | recurrence:every day ; recurrence:starting on Jan 5",
        "Pay every week beginning next month | Pay | 2027-01-01T23:59 | FREQ=WEEKLY | SCHEDULE | recurrence:every week ; recurrence:beginning next month",
        "Pay every day until Dec 31 | Pay | 2026-12-09T23:59 | FREQ=DAILY;UNTIL=20261231T225959Z | SCHEDULE | recurrence:every day ; recurrence:until Dec 31",
        "Pay every day until 2027-06-30 | Pay | 2026-12-09T23:59 | FREQ=DAILY;UNTIL=20270630T215959Z | SCHEDULE | recurrence:every day ; recurrence:until 2027-06-30",
        "Pay every month till the end of the year | Pay | 2026-12-09T23:59 | FREQ=MONTHLY;UNTIL=20261231T225959Z | SCHEDULE | recurrence:every month ; recurrence:till the end of the year",
        "Pay every day until 31/12 | Pay | 2026-12-09T23:59 | FREQ=DAILY;UNTIL=20261231T225959Z | SCHEDULE | recurrence:every day ; recurrence:until 31/12",
        "Pay every day 3 times | Pay | 2026-12-09T23:59 | FREQ=DAILY;COUNT=3 | SCHEDULE | recurrence:every day ; recurrence:3 times",
        "Pay every Friday for 10 times | Pay | 2026-12-11T23:59 | FREQ=WEEKLY;BYDAY=FR;COUNT=10 | SCHEDULE | recurrence:every Friday ; recurrence:for 10 times",
        "Pay every week five times | Pay | 2026-12-09T23:59 | FREQ=WEEKLY;COUNT=5 | SCHEDULE | recurrence:every week ; recurrence:five times",
        "Pay every day until Dec 1 | Pay | 2026-12-09T23:59 | FREQ=DAILY;UNTIL=20271201T225959Z | SCHEDULE | recurrence:every day ; recurrence:until Dec 1",
        "Pay every year on Feb 30 | Pay on Feb 30 | 2026-12-09T23:59 | FREQ=YEARLY | SCHEDULE | recurrence:every year",
        "Pay every day at 9am starting tomorrow | Pay | 2026-12-10T09:00 | FREQ=DAILY;BYHOUR=9;BYMINUTE=0 | SCHEDULE | recurrence:every day ; due:at 9am ; recurrence:starting tomorrow",
        "Pay every month on Dec 24 | Pay | 2026-12-24T23:59 | FREQ=MONTHLY | SCHEDULE | recurrence:every month ; due:on Dec 24",
        "Pay every week Dec 24 | Pay | 2026-12-24T23:59 | FREQ=WEEKLY | SCHEDULE | recurrence:every week ; due:Dec 24",
        "Pay every day in 2 hours | Pay | 2026-12-09T12:00 | FREQ=DAILY;BYHOUR=12;BYMINUTE=0 | SCHEDULE | recurrence:every day ; due:in 2 hours",
        "Pay every day tomorrow | Pay | 2026-12-10T23:59 | FREQ=DAILY | SCHEDULE | recurrence:every day ; due:tomorrow",
        "Pay every day tonight at 8 | Pay | 2026-12-09T20:00 | FREQ=DAILY;BYHOUR=20;BYMINUTE=0 | SCHEDULE | recurrence:every day ; due:tonight ; due:at 8",
        "Pay starting Monday | Pay starting Monday |  |  |  | ",
        "Pay until Friday | Pay until Friday |  |  |  | ",
        "Pay 3 times | Pay 3 times |  |  |  | ",
        "Daily standup at 9 | Daily standup | 2026-12-10T09:00 |  |  | due:at 9",
        "Write weekly report | Write weekly report |  |  |  | ",
        "Pay every 2 weeks on Mon at 9am starting Jan 4 until Mar 31 p2 #bills | Pay | 2027-01-04T09:00 | FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9;BYMINUTE=0;UNTIL=20270331T215959Z | SCHEDULE | recurrence:every 2 weeks on Mon ; due:at 9am ; recurrence:starting Jan 4 ; recurrence:until Mar 31 ; priority:p2 ; tag:#bills",
    })
    void readsTheRule(String text, String title, String due, String rule, String mode, String spans) {
        var context = Readings.context();
        var r = Readings.read(text, context);
        assertThat(r.title()).isEqualTo(title);
        assertThat(Readings.local(r.dueAt(), context)).isEqualTo(due);
        assertThat(r.recurrence() == null ? null : r.recurrence().rule()).isEqualTo(rule);
        assertThat(r.recurrence() == null ? null : r.recurrence().mode().name()).isEqualTo(mode);
        assertThat(Readings.spans(r)).isEqualTo(spans == null ? null : spans.replace(" ; ", " | "));
    }
}
