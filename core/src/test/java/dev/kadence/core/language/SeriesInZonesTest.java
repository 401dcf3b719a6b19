package dev.kadence.core.language;

import dev.kadence.core.recurrence.NextDue;
import dev.kadence.core.recurrence.NextOccurrence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Series said in words, evaluated by the recurrence engine as task-crud will store them (start = the reading's due
 * time): local wall time across DST in several zones (a time in the spring-forward gap is moved on by the gap that day
 * only, even when the series starts on that day; an ambiguous time is its first instant), month ends and leap days.
 * Each row: text | zone | now (local) | the first occurrences, with their offsets.
 */
class SeriesInZonesTest {

    @ParameterizedTest(name = "{0} in {1} from {2}")
    @CsvSource(delimiter = '|', value = {
        // spring forward: New York 8 March, Berlin 29 March, Sydney 4 October 2026
        "Wake every day at 2:30am | America/New_York | 2026-03-06T10:00 | 2026-03-07T02:30-05:00 2026-03-08T03:30-04:00 2026-03-09T02:30-04:00",
        "Wake every day at 2:30am | America/New_York | 2026-03-07T10:00 | 2026-03-08T03:30-04:00 2026-03-09T02:30-04:00 2026-03-10T02:30-04:00",
        "Wake every day at 2:30am | Europe/Berlin | 2026-03-27T10:00 | 2026-03-28T02:30+01:00 2026-03-29T03:30+02:00 2026-03-30T02:30+02:00",
        "Wake every day at 2:30am | Europe/Berlin | 2026-03-28T10:00 | 2026-03-29T03:30+02:00 2026-03-30T02:30+02:00",
        "Wake every day at 2:30am | Australia/Sydney | 2026-10-02T10:00 | 2026-10-03T02:30+10:00 2026-10-04T03:30+11:00 2026-10-05T02:30+11:00",
        "Standup every weekday at 9:30 | America/New_York | 2026-03-06T10:00 | 2026-03-09T09:30-04:00 2026-03-10T09:30-04:00",
        "Standup every weekday at 9:30 | Europe/Berlin | 2026-03-27T10:00 | 2026-03-30T09:30+02:00 2026-03-31T09:30+02:00",
        "Sync every Sunday at 2:30am | Europe/Berlin | 2026-03-23T10:00 | 2026-03-29T03:30+02:00 2026-04-05T02:30+02:00",
        // fall back: the repeated hour is its first instant
        "Wake every day at 1:30am | America/New_York | 2026-10-30T10:00 | 2026-10-31T01:30-04:00 2026-11-01T01:30-04:00 2026-11-02T01:30-05:00",
        "Wake every day at 2:30am | Europe/Berlin | 2026-10-23T10:00 | 2026-10-24T02:30+02:00 2026-10-25T02:30+02:00 2026-10-26T02:30+01:00",
        "Plan every 2 weeks on Mon at 9am | Australia/Sydney | 2026-03-31T10:00 | 2026-04-06T09:00+10:00 2026-04-20T09:00+10:00",
        "Plan every Friday | Australia/Sydney | 2026-04-01T10:00 | 2026-04-03T23:59+11:00 2026-04-10T23:59+10:00",
        // no DST
        "Gym every Mon, Wed and Fri at 7am | Asia/Kolkata | 2026-03-06T10:00 | 2026-03-09T07:00+05:30 2026-03-11T07:00+05:30 2026-03-13T07:00+05:30",
        "Pay every month on the 1st | Asia/Kolkata | 2026-03-06T10:00 | 2026-04-01T23:59+05:30 2026-05-01T23:59+05:30",
        "Call at 9am every day | Pacific/Kiritimati | 2026-12-30T10:00 | 2026-12-31T09:00+14:00 2027-01-01T09:00+14:00",
        // month ends and leap days: a day a month lacks is skipped; the last day is each month's
        "Pay every month on the 31st | UTC | 2026-12-09T10:00 | 2026-12-31T23:59Z 2027-01-31T23:59Z 2027-03-31T23:59Z 2027-05-31T23:59Z",
        "Pay every month on the 30th at 9am | UTC | 2027-01-31T10:00 | 2027-03-30T09:00Z 2027-04-30T09:00Z",
        "Pay every last day at 18:00 | Europe/Berlin | 2027-01-15T10:00 | 2027-01-31T18:00+01:00 2027-02-28T18:00+01:00 2027-03-31T18:00+02:00 2027-04-30T18:00+02:00",
        "Pay every last day | UTC | 2028-01-31T10:00 | 2028-01-31T23:59Z 2028-02-29T23:59Z",
        "Leap every year on Feb 29 | UTC | 2026-12-09T10:00 | 2028-02-29T23:59Z 2032-02-29T23:59Z",
        "Leap every year on Feb 29 at noon | America/New_York | 2028-02-29T13:00 | 2032-02-29T12:00-05:00",
        "Review every last Friday at 4pm | America/New_York | 2026-10-01T10:00 | 2026-10-30T16:00-04:00 2026-11-27T16:00-05:00",
        "Pay every 1st and 15th | Europe/Berlin | 2026-12-20T10:00 | 2027-01-01T23:59+01:00 2027-01-15T23:59+01:00 2027-02-01T23:59+01:00",
        "Meet every 3rd Friday | Europe/Berlin | 2026-12-09T10:00 | 2026-12-18T23:59+01:00 2027-01-15T23:59+01:00",
        // COUNT and UNTIL end the series
        "Pill every day at 8am 3 times | Europe/Berlin | 2026-12-09T10:00 | 2026-12-10T08:00+01:00 2026-12-11T08:00+01:00 2026-12-12T08:00+01:00",
        "Pill every day at 8am until Dec 12 | Europe/Berlin | 2026-12-09T10:00 | 2026-12-10T08:00+01:00 2026-12-11T08:00+01:00 2026-12-12T08:00+01:00",
        "Pill every day until Dec 11 | Asia/Kolkata | 2026-12-09T10:00 | 2026-12-09T23:59+05:30 2026-12-10T23:59+05:30 2026-12-11T23:59+05:30",
    })
    void occursInLocalWallTime(String text, String zone, String now, String occurrences) {
        var context = Readings.context(zone, now, null);
        var r = Readings.read(text, context);
        List<Instant> expected = Arrays.stream(occurrences.split(" ")).map(t -> OffsetDateTime.parse(t).toInstant()).toList();
        assertThat(r.dueAt()).isEqualTo(expected.getFirst());
        List<Instant> upcoming = NextOccurrence.upcoming(r.recurrence().rule(), context.zone(), r.dueAt(),
            r.dueAt().minusSeconds(1), expected.size() + 1);
        boolean ends = text.contains(" times") || text.contains(" until ");
        assertThat(ends ? upcoming : upcoming.subList(0, expected.size())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} completed at {3}")
    @CsvSource(delimiter = '|', value = {
        // completion mode: the interval counts from completion, at the time said (the gap moves it that day only)
        "Clean gutters every! 2 weeks | Europe/Berlin | 2026-12-09T10:00 | 2026-12-20T15:00+01:00 | 2027-01-03T23:59+01:00",
        "Water every! 3 days at 2:30am | America/New_York | 2026-03-01T10:00 | 2026-03-05T08:00-05:00 | 2026-03-08T03:30-04:00",
        "Water every day at 2:30am after completion | America/New_York | 2026-03-01T10:00 | 2026-03-08T08:00-04:00 | 2026-03-09T02:30-04:00",
    })
    void completionModeCountsFromCompletion(String text, String zone, String now, String completed, String next) {
        var context = Readings.context(zone, now, null);
        var r = Readings.read(text, context);
        assertThat(NextDue.afterCompletion(r.recurrence().rule(), context.zone(), r.dueAt(),
            OffsetDateTime.parse(completed).toInstant(), 1)).contains(OffsetDateTime.parse(next).toInstant());
    }
}
