package dev.kadence.core.recurrence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Occurrences of rules as a series stores them (after {@link Rules#inZone}). Each row: rule | zone | start (local) |
 * after (empty: just before the start, so the start is the first) | how many asked | the occurrences expected, where
 * a bare date means the start's local time of day and a time with an offset pins the exact instant.
 */
class NextOccurrenceTest {

    @ParameterizedTest(name = "{0} from {2}")
    @CsvSource(delimiter = '|', value = {
        // RFC 5545 §3.8.5.3 examples (DTSTART in America/New_York; autumn 1997 crosses the end of DST)
        "FREQ=DAILY;COUNT=10 | America/New_York | 1997-09-02T09:00 | | 11 | 1997-09-02 1997-09-03 1997-09-04 1997-09-05 1997-09-06 1997-09-07 1997-09-08 1997-09-09 1997-09-10 1997-09-11",
        "FREQ=DAILY;INTERVAL=2 | America/New_York | 1997-09-02T09:00 | | 5 | 1997-09-02 1997-09-04 1997-09-06 1997-09-08 1997-09-10",
        "FREQ=DAILY;INTERVAL=10;COUNT=5 | America/New_York | 1997-09-02T09:00 | | 6 | 1997-09-02 1997-09-12 1997-09-22 1997-10-02 1997-10-12",
        "FREQ=WEEKLY;UNTIL=19971224T000000Z | America/New_York | 1997-09-02T09:00 | | 20 | 1997-09-02 1997-09-09 1997-09-16 1997-09-23 1997-09-30 1997-10-07 1997-10-14 1997-10-21 1997-10-28T09:00-05:00 1997-11-04 1997-11-11 1997-11-18 1997-11-25 1997-12-02 1997-12-09 1997-12-16 1997-12-23",
        "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR | America/New_York | 1997-09-01T09:00 | | 30 | 1997-09-01 1997-09-03 1997-09-05 1997-09-15 1997-09-17 1997-09-19 1997-09-29 1997-10-01 1997-10-03 1997-10-13 1997-10-15 1997-10-17 1997-10-27 1997-10-29 1997-10-31 1997-11-10 1997-11-12 1997-11-14 1997-11-24 1997-11-26 1997-11-28 1997-12-08 1997-12-10 1997-12-12 1997-12-22",
        "FREQ=MONTHLY;COUNT=10;BYDAY=1FR | America/New_York | 1997-09-05T09:00 | | 11 | 1997-09-05 1997-10-03 1997-11-07 1997-12-05 1998-01-02 1998-02-06 1998-03-06 1998-04-03 1998-05-01 1998-06-05",
        "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU | America/New_York | 1997-09-07T09:00 | | 11 | 1997-09-07 1997-09-28 1997-11-02 1997-11-30 1998-01-04 1998-01-25 1998-03-01 1998-03-29 1998-05-03 1998-05-31",
        "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO | America/New_York | 1997-09-22T09:00 | | 7 | 1997-09-22 1997-10-20 1997-11-17 1997-12-22 1998-01-19 1998-02-16",
        "FREQ=MONTHLY;BYMONTHDAY=-3 | America/New_York | 1997-09-28T09:00 | | 6 | 1997-09-28 1997-10-29 1997-11-28 1997-12-29 1998-01-29 1998-02-26",
        "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15 | America/New_York | 1997-09-02T09:00 | | 11 | 1997-09-02 1997-09-15 1997-10-02 1997-10-15 1997-11-02 1997-11-15 1997-12-02 1997-12-15 1998-01-02 1998-01-15",
        "FREQ=YEARLY;COUNT=10;BYMONTH=6,7 | America/New_York | 1997-06-10T09:00 | | 11 | 1997-06-10 1997-07-10 1998-06-10 1998-07-10 1999-06-10 1999-07-10 2000-06-10 2000-07-10 2001-06-10 2001-07-10",
        "FREQ=YEARLY;BYDAY=20MO | America/New_York | 1997-05-19T09:00 | | 3 | 1997-05-19 1998-05-18 1999-05-17",
        "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO | America/New_York | 1997-05-12T09:00 | | 3 | 1997-05-12 1998-05-11 1999-05-17",
        "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13 | America/New_York | 1997-09-02T09:00 | 1997-09-02T09:00 | 5 | 1998-02-13 1998-03-13 1998-11-13 1999-08-13 2000-10-13",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 | America/New_York | 1997-09-30T09:00 | | 7 | 1997-09-30 1997-10-31 1997-11-28 1997-12-31 1998-01-30 1998-02-27 1998-03-31",
        "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3 | America/New_York | 1997-09-04T09:00 | | 4 | 1997-09-04 1997-10-07 1997-11-06",
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8 | America/New_York | 1996-11-05T09:00 | | 3 | 1996-11-05 2000-11-07 2004-11-02",
        "FREQ=MONTHLY;BYDAY=2SU,-1SU | Europe/Berlin | 2026-01-11T10:00 | | 6 | 2026-01-11 2026-01-25 2026-02-08 2026-02-22 2026-03-08 2026-03-29T10:00+02:00",
        // DTSTART is the first occurrence even when the rule does not match it, and it counts toward COUNT
        "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13 | America/New_York | 1997-09-02T09:00 | | 2 | 1997-09-02 1998-02-13",
        "FREQ=WEEKLY;BYDAY=FR;COUNT=3 | UTC | 2026-12-02T09:00 | | 5 | 2026-12-02 2026-12-04 2026-12-11",
        "FREQ=WEEKLY;BYDAY=FR;COUNT=1 | UTC | 2026-12-02T09:00 | | 5 | 2026-12-02",
        // COUNT and UNTIL end the series; UNTIL is inclusive
        "FREQ=DAILY;COUNT=3 | UTC | 2026-12-02T09:00 | | 5 | 2026-12-02 2026-12-03 2026-12-04",
        "FREQ=DAILY;COUNT=3 | UTC | 2026-12-02T09:00 | 2026-12-04T09:00Z | 5 | ",
        "FREQ=DAILY;UNTIL=20261205T090000Z | UTC | 2026-12-02T09:00 | | 9 | 2026-12-02 2026-12-03 2026-12-04 2026-12-05",
        "FREQ=DAILY;UNTIL=20261205 | Europe/Berlin | 2026-12-02T23:30 | | 9 | 2026-12-02 2026-12-03 2026-12-04 2026-12-05",
        // DST, New York: 09:00 stays 09:00; 02:30 on the spring-forward day is 03:30; 01:30 on the fall-back day is the first one
        "FREQ=DAILY | America/New_York | 2026-03-07T09:00 | | 3 | 2026-03-07T09:00-05:00 2026-03-08T09:00-04:00 2026-03-09T09:00-04:00",
        "FREQ=DAILY | America/New_York | 2026-10-31T09:00 | | 3 | 2026-10-31T09:00-04:00 2026-11-01T09:00-05:00 2026-11-02T09:00-05:00",
        "FREQ=DAILY | America/New_York | 2026-03-06T02:30 | | 4 | 2026-03-06T02:30-05:00 2026-03-07T02:30-05:00 2026-03-08T03:30-04:00 2026-03-09T02:30-04:00",
        "FREQ=DAILY | America/New_York | 2026-10-30T01:30 | | 4 | 2026-10-30T01:30-04:00 2026-10-31T01:30-04:00 2026-11-01T01:30-04:00 2026-11-02T01:30-05:00",
        "FREQ=DAILY | America/New_York | 2026-03-01T02:30 | 2026-03-08T03:10-04:00 | 2 | 2026-03-08T03:30-04:00 2026-03-09T02:30-04:00",
        "FREQ=DAILY | America/New_York | 2026-03-01T01:30 | 2026-11-01T01:10-04:00 | 2 | 2026-11-01T01:30-04:00 2026-11-02T01:30-05:00",
        "FREQ=DAILY | America/New_York | 2026-03-01T01:30 | 2026-11-01T01:40-04:00 | 1 | 2026-11-02T01:30-05:00",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | America/New_York | 2026-03-05T09:00 | | 4 | 2026-03-05T09:00-05:00 2026-03-06T09:00-05:00 2026-03-09T09:00-04:00 2026-03-10T09:00-04:00",
        // DST, Berlin
        "FREQ=DAILY | Europe/Berlin | 2026-03-28T09:00 | | 2 | 2026-03-28T09:00+01:00 2026-03-29T09:00+02:00",
        "FREQ=DAILY | Europe/Berlin | 2026-10-24T09:00 | | 2 | 2026-10-24T09:00+02:00 2026-10-25T09:00+01:00",
        "FREQ=DAILY | Europe/Berlin | 2026-03-28T02:30 | | 3 | 2026-03-28T02:30+01:00 2026-03-29T03:30+02:00 2026-03-30T02:30+02:00",
        "FREQ=DAILY | Europe/Berlin | 2026-10-24T02:30 | | 3 | 2026-10-24T02:30+02:00 2026-10-25T02:30+02:00 2026-10-26T02:30+01:00",
        // DST, Sydney (southern hemisphere: summer time ends 5 April 2026, starts 4 October 2026)
        "FREQ=DAILY | Australia/Sydney | 2026-04-04T09:00 | | 2 | 2026-04-04T09:00+11:00 2026-04-05T09:00+10:00",
        "FREQ=DAILY | Australia/Sydney | 2026-10-03T09:00 | | 2 | 2026-10-03T09:00+10:00 2026-10-04T09:00+11:00",
        "FREQ=DAILY | Australia/Sydney | 2026-10-03T02:30 | | 3 | 2026-10-03T02:30+10:00 2026-10-04T03:30+11:00 2026-10-05T02:30+11:00",
        "FREQ=DAILY | Australia/Sydney | 2026-04-04T02:30 | | 3 | 2026-04-04T02:30+11:00 2026-04-05T02:30+11:00 2026-04-06T02:30+10:00",
        // UTC+13 and UTC+14: the local day, not the UTC day, picks the weekday
        "FREQ=WEEKLY;BYDAY=MO | Pacific/Auckland | 2026-03-30T08:00 | | 2 | 2026-03-29T19:00Z 2026-04-05T20:00Z",
        "FREQ=DAILY | Pacific/Kiritimati | 2026-12-31T00:30 | | 2 | 2026-12-30T10:30Z 2026-12-31T10:30Z",
        "FREQ=DAILY;UNTIL=20270101 | Pacific/Kiritimati | 2026-12-30T23:00 | | 5 | 2026-12-30 2026-12-31 2027-01-01",
        // leap days and month ends: dates that do not exist are skipped
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29 | UTC | 2025-01-01T09:00 | 2025-01-01T09:00Z | 3 | 2028-02-29 2032-02-29 2036-02-29",
        "FREQ=YEARLY | UTC | 2024-02-29T09:00 | | 3 | 2024-02-29 2028-02-29 2032-02-29",
        "FREQ=MONTHLY;BYMONTHDAY=31 | UTC | 2026-01-31T09:00 | | 5 | 2026-01-31 2026-03-31 2026-05-31 2026-07-31 2026-08-31",
        "FREQ=MONTHLY | UTC | 2026-01-31T09:00 | | 3 | 2026-01-31 2026-03-31 2026-05-31",
        "FREQ=MONTHLY;BYMONTHDAY=-1 | UTC | 2026-01-31T09:00 | | 4 | 2026-01-31 2026-02-28 2026-03-31 2026-04-30",
        "FREQ=MONTHLY;BYMONTHDAY=-1 | UTC | 2028-01-31T09:00 | | 2 | 2028-01-31 2028-02-29",
        // old series: the answer comes from fast-forwarding, not from scanning (scanning would spend the budget)
        "FREQ=DAILY | Europe/Berlin | 2016-01-04T09:00 | 2026-06-15T12:00Z | 1 | 2026-06-16T09:00+02:00",
        "FREQ=HOURLY | UTC | 1926-01-01T00:15 | 2026-06-15T12:20Z | 2 | 2026-06-15T13:15Z 2026-06-15T14:15Z",
        "FREQ=WEEKLY;BYDAY=MO,WE,FR | America/New_York | 1996-01-01T09:00 | 2026-03-07T00:00Z | 2 | 2026-03-09T09:00-04:00 2026-03-11T09:00-04:00",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 | Europe/Berlin | 1990-01-31T17:00 | 2026-06-15T00:00Z | 2 | 2026-06-30 2026-07-31",
        "FREQ=DAILY;INTERVAL=3 | UTC | 2016-01-01T09:00 | 2026-06-15T12:00Z | 2 | 2026-06-16T09:00Z 2026-06-19T09:00Z",
        "FREQ=HOURLY;INTERVAL=5 | UTC | 1926-01-01T00:15 | 2026-06-15T12:20Z | 2 | 2026-06-15T15:15Z 2026-06-15T20:15Z",
        "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,WE,FR | America/New_York | 1997-09-01T09:00 | 2026-06-15T00:00Z | 4 | 2026-06-15 2026-06-17 2026-06-19 2026-06-29",
        // COUNT rules are counted from the start, up to RuleLimits.MAX_COUNT
        "FREQ=HOURLY;COUNT=10000 | UTC | 2026-01-01T00:00 | 2027-02-21T14:30Z | 2 | 2027-02-21T15:00Z",
    })
    void occurrences(String rule, String zoneId, String start, String after, int n, String expected) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalDateTime startLocal = LocalDateTime.parse(start);
        Instant first = startLocal.atZone(zone).toInstant();
        Instant from = after == null ? first.minusSeconds(1) : Times.at(after, zone);

        List<Instant> occurrences = NextOccurrence.upcoming(Rules.inZone(rule, zone), zone, first, from, n);

        assertThat(occurrences).isEqualTo(Times.all(expected, zone, startLocal));
        assertThat(NextOccurrence.after(Rules.inZone(rule, zone), zone, first, from))
            .isEqualTo(occurrences.stream().findFirst());
    }
}
