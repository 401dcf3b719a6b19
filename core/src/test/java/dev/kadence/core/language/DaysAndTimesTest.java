package dev.kadence.core.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days and times, read on Wednesday 9 December 2026 at 10:00 in Berlin. A day without a time is due at its end (23:59);
 * a time without a day is today, or tomorrow once it has passed; a day is never in the past ("Dec 8" is next year's,
 * "Wednesday" next week's). Each row: text | title | due (local), empty when no due time was read.
 */
class DaysAndTimesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Buy milk today | Buy milk | 2026-12-09T23:59",
        "Buy milk tonight | Buy milk | 2026-12-09T23:59",
        "Buy milk tomorrow | Buy milk | 2026-12-10T23:59",
        "Buy milk tmrw | Buy milk | 2026-12-10T23:59",
        "Buy milk Friday | Buy milk | 2026-12-11T23:59",
        "Buy milk on Monday | Buy milk | 2026-12-14T23:59",
        "Buy milk next fri | Buy milk | 2026-12-11T23:59",
        "Buy milk this Saturday | Buy milk | 2026-12-12T23:59",
        "Buy milk Wednesday | Buy milk | 2026-12-16T23:59",
        "Buy milk next week | Buy milk | 2026-12-14T23:59",
        "Buy milk next month | Buy milk | 2027-01-01T23:59",
        "Buy milk next year | Buy milk | 2027-01-01T23:59",
        "Buy milk this weekend | Buy milk | 2026-12-12T23:59",
        "Buy milk next weekend | Buy milk | 2026-12-19T23:59",
        "Buy milk in 3 days | Buy milk | 2026-12-12T23:59",
        "Buy milk in a week | Buy milk | 2026-12-16T23:59",
        "Buy milk in two weeks | Buy milk | 2026-12-23T23:59",
        "Buy milk in 6 months | Buy milk | 2027-06-09T23:59",
        "Buy milk end of month | Buy milk | 2026-12-31T23:59",
        "Buy milk by the end of the month | Buy milk | 2026-12-31T23:59",
        "Buy milk end of the week | Buy milk | 2026-12-11T23:59",
        "Buy milk end of year | Buy milk | 2026-12-31T23:59",
        "Buy milk Dec 24 | Buy milk | 2026-12-24T23:59",
        "Buy milk December 24th | Buy milk | 2026-12-24T23:59",
        "Buy milk on Jan 5, 2027 | Buy milk | 2027-01-05T23:59",
        "Buy milk Sept 3 | Buy milk | 2027-09-03T23:59",
        "Buy milk 24 Dec | Buy milk | 2026-12-24T23:59",
        "Buy milk 24th of December | Buy milk | 2026-12-24T23:59",
        "Buy milk on 3 March 2027 | Buy milk | 2027-03-03T23:59",
        "Buy milk 2026-12-24 | Buy milk | 2026-12-24T23:59",
        "Buy milk due 2027-01-31 | Buy milk | 2027-01-31T23:59",
        "Buy milk 24/12/2026 | Buy milk | 2026-12-24T23:59",
        "Buy milk 12.03.2027 | Buy milk | 2027-03-12T23:59",
        "Buy milk on 24/12 | Buy milk | 2026-12-24T23:59",
        "Buy milk by 1/3 | Buy milk | 2027-03-01T23:59",
        "Buy milk on the 5th | Buy milk | 2027-01-05T23:59",
        "Buy milk on the 31st | Buy milk | 2026-12-31T23:59",
        "Buy milk Dec 8 | Buy milk | 2027-12-08T23:59",
        "Buy milk Feb 29 | Buy milk | 2028-02-29T23:59",
        "Buy milk Feb 30 | Buy milk Feb 30 | ",
        "Buy milk at 5pm | Buy milk | 2026-12-09T17:00",
        "Buy milk 5pm | Buy milk | 2026-12-09T17:00",
        "Buy milk at 9:30am | Buy milk | 2026-12-10T09:30",
        "Buy milk 7.15 p.m. | Buy milk | 2026-12-09T19:15",
        "Buy milk by 11am | Buy milk | 2026-12-09T11:00",
        "Buy milk 17:00 | Buy milk | 2026-12-09T17:00",
        "Buy milk at 08:45 | Buy milk | 2026-12-10T08:45",
        "Buy milk at noon | Buy milk | 2026-12-09T12:00",
        "Buy milk at midday | Buy milk | 2026-12-09T12:00",
        "Buy milk by midnight | Buy milk | 2026-12-09T23:59",
        "Buy milk at 9 | Buy milk | 2026-12-10T09:00",
        "Buy milk at 17 | Buy milk | 2026-12-09T17:00",
        "Buy milk tomorrow at noon | Buy milk | 2026-12-10T12:00",
        "Buy milk at 6pm tomorrow | Buy milk | 2026-12-10T18:00",
        "Buy milk Friday 17:00 | Buy milk | 2026-12-11T17:00",
        "Buy milk Dec 24 at 10am | Buy milk | 2026-12-24T10:00",
        "Buy milk in 30 minutes | Buy milk | 2026-12-09T10:30",
        "Buy milk in an hour | Buy milk | 2026-12-09T11:00",
        "Buy milk at 9:30 | Buy milk | 2026-12-10T09:30",
        "Buy milk tonight at 11:30 | Buy milk | 2026-12-09T23:30",
    })
    void readsTheDueTime(String text, String title, String due) {
        var context = Readings.context();
        var r = Readings.read(text, context);
        assertThat(r.title()).isEqualTo(title);
        assertThat(Readings.local(r.dueAt(), context)).isEqualTo(due);
        assertThat(r.recurrence()).isNull();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', value = {
        "Party on 04/12 | DAY_MONTH | 2027-12-04T23:59",
        "Party on 04/12 | MONTH_DAY | 2027-04-12T23:59",
        "Party on 12/24 | DAY_MONTH | ",
        "Party on 12/24 | MONTH_DAY | 2026-12-24T23:59",
        "Party on 24/12 | MONTH_DAY | ",
        "Party 1/3/2027 | DAY_MONTH | 2027-03-01T23:59",
        "Party 1/3/2027 | MONTH_DAY | 2027-01-03T23:59",
        "Party until 3/1 every day | MONTH_DAY | 2026-12-09T23:59",
    })
    void numericDatesFollowTheUsersDateOrder(String text, ReadingContext.DateOrder order, String due) {
        var context = Readings.context(null, null, order);
        assertThat(Readings.local(Readings.read(text, context).dueAt(), context)).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
        // local wall time in the user's zone; a time in the spring-forward gap moves forward by the gap
        "Call at 9am | America/New_York | 2026-03-07T10:00 | 2026-03-08T09:00-04:00",
        "Call tomorrow at 2:30am | America/New_York | 2026-03-07T10:00 | 2026-03-08T03:30-04:00",
        "Call tomorrow at 2:30am | Europe/Berlin | 2026-03-28T10:00 | 2026-03-29T03:30+02:00",
        "Call tomorrow at 1:30am | America/New_York | 2026-10-31T10:00 | 2026-11-01T01:30-04:00",
        "Call tomorrow | Asia/Kolkata | 2026-12-09T23:30 | 2026-12-10T23:59+05:30",
        "Call today | Pacific/Kiritimati | 2026-12-31T00:30 | 2026-12-31T23:59+14:00",
        "Call at noon | Australia/Sydney | 2026-10-04T08:00 | 2026-10-04T12:00+11:00",
    })
    void timesAreWallTimeInTheUsersZone(String text, String zone, String now, String due) {
        var context = Readings.context(zone, now, null);
        assertThat(Readings.read(text, context).dueAt()).isEqualTo(java.time.OffsetDateTime.parse(due).toInstant());
    }
}
