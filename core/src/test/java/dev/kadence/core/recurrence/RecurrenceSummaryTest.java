package dev.kadence.core.recurrence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceSummaryTest {

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "FREQ=WEEKLY;BYDAY=FR | Europe/Berlin | 2026-12-04T14:00 | every Friday at 14:00, Europe/Berlin",
        "FREQ=WEEKLY | Europe/Berlin | 2026-12-04T14:00 | every Friday at 14:00, Europe/Berlin",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | America/New_York | 2026-03-02T09:00 | every weekday at 09:00, America/New_York",
        "FREQ=DAILY;BYDAY=FR,TH,WE,TU,MO | America/New_York | 2026-03-02T09:00 | every weekday at 09:00, America/New_York",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR,MO,WE | UTC | 2026-03-02T09:00 | every 2 weeks on Monday, Wednesday and Friday at 09:00, UTC",
        "FREQ=DAILY | UTC | 2026-03-02T07:05 | every day at 07:05, UTC",
        "FREQ=DAILY;INTERVAL=3 | UTC | 2026-03-02T08:30 | every 3 days at 08:30, UTC",
        "FREQ=DAILY;BYHOUR=17,9;BYMINUTE=30 | UTC | 2026-03-02T09:30 | every day at 09:30 and 17:30, UTC",
        "FREQ=HOURLY;INTERVAL=6 | UTC | 2026-03-02T08:15 | every 6 hours from 08:15, UTC",
        "FREQ=MONTHLY;BYMONTHDAY=31 | Europe/Berlin | 2026-01-31T09:00 | monthly on day 31 at 09:00, Europe/Berlin",
        "FREQ=MONTHLY | UTC | 2026-01-15T09:00 | monthly on day 15 at 09:00, UTC",
        "FREQ=MONTHLY;INTERVAL=3 | UTC | 2026-01-15T09:00 | every 3 months on day 15 at 09:00, UTC",
        "FREQ=MONTHLY;BYMONTHDAY=15,1 | UTC | 2026-01-15T09:00 | monthly on days 1 and 15 at 09:00, UTC",
        "FREQ=MONTHLY;BYMONTHDAY=-1 | UTC | 2026-01-31T09:00 | monthly on the last day at 09:00, UTC",
        "FREQ=MONTHLY;BYMONTHDAY=-3 | UTC | 2026-01-29T09:00 | monthly on the third-to-last day at 09:00, UTC",
        "FREQ=MONTHLY;BYMONTHDAY=1,-1 | UTC | 2026-01-01T09:00 | monthly on day 1 and the last day at 09:00, UTC",
        "FREQ=MONTHLY;BYDAY=-1FR | Europe/Berlin | 2026-01-30T17:00 | on the last Friday of every month at 17:00, Europe/Berlin",
        "FREQ=MONTHLY;BYDAY=1FR | UTC | 2026-01-02T09:00 | on the first Friday of every month at 09:00, UTC",
        "FREQ=MONTHLY;BYDAY=-1SU,2SU | UTC | 2026-01-11T10:00 | on the second and last Sunday of every month at 10:00, UTC",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU | UTC | 2026-01-04T10:00 | on the first and last Sunday of every 2 months at 10:00, UTC",
        "FREQ=MONTHLY;BYDAY=-2MO | UTC | 2026-01-19T09:00 | on the second-to-last Monday of every month at 09:00, UTC",
        "FREQ=MONTHLY;BYDAY=1MO,3TH | UTC | 2026-01-05T09:00 | on the first Monday and third Thursday of every month at 09:00, UTC",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 | UTC | 2026-01-30T16:00 | on the last weekday of every month at 16:00, UTC",
        "FREQ=MONTHLY;BYDAY=TU,WE,TH;BYSETPOS=3 | UTC | 2026-01-08T09:00 | on the third of Tuesday, Wednesday and Thursday of every month at 09:00, UTC",
        "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13 | UTC | 2026-02-13T09:00 | monthly on Friday the 13th at 09:00, UTC",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29 | UTC | 2028-02-29T09:00 | yearly on 29 February at 09:00, UTC",
        "FREQ=YEARLY | UTC | 2024-02-29T09:00 | yearly on 29 February at 09:00, UTC",
        "FREQ=YEARLY;BYMONTH=6,7 | UTC | 2026-06-10T09:00 | yearly on day 10 of June and July at 09:00, UTC",
        "FREQ=YEARLY;BYDAY=20MO | UTC | 2026-05-18T09:00 | yearly on the 20th Monday of the year at 09:00, UTC",
        "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH | America/New_York | 2026-11-26T12:00 | yearly on the fourth Thursday of November at 12:00, America/New_York",
        "FREQ=DAILY;COUNT=3 | UTC | 2026-03-02T09:00 | every day at 09:00, UTC, 3 times",
        "FREQ=DAILY;COUNT=1 | UTC | 2026-03-02T09:00 | every day at 09:00, UTC, once",
        "FREQ=WEEKLY;BYDAY=FR;UNTIL=20270101 | Europe/Berlin | 2026-12-04T14:00 | every Friday at 14:00, Europe/Berlin, until 2027-01-01",
        "FREQ=DAILY;UNTIL=20261205T090000Z | UTC | 2026-12-02T09:00 | every day at 09:00, UTC, until 2026-12-05 09:00",
        "FREQ=WEEKLY;BYDAY=MO | Pacific/Kiritimati | 2026-01-05T08:00 | every Monday at 08:00, Pacific/Kiritimati",
        "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO | America/New_York | 1997-05-12T09:00 | custom rule FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO, from 1997-05-12 09:00, America/New_York",
        "FREQ=DAILY;BYMINUTE=0,30 | UTC | 2026-03-02T09:00 | custom rule FREQ=DAILY;BYMINUTE=0,30, from 2026-03-02 09:00, UTC",
    })
    void summaries(String rule, String zoneId, String start, String expected) {
        ZoneId zone = ZoneId.of(zoneId);
        String stored = Rules.inZone(rule, zone);
        assertThat(RecurrenceSummary.of(stored, zone, LocalDateTime.parse(start).atZone(zone).toInstant())).isEqualTo(expected);
    }
}
