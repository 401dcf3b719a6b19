package dev.kadence.core.recurrence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The next instance's due time once one is completed, in both modes. An empty expectation means the series has ended. */
class NextDueTest {

    @ParameterizedTest(name = "schedule {0}: due {3}, done {4}")
    @CsvSource(delimiter = '|', value = {
        // rule | zone | start | completed instance's due | completed at | next due
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | America/New_York | 2026-03-02T09:00 | 2026-03-06T09:00-05:00 | 2026-03-06T08:00-05:00 | 2026-03-09T09:00-04:00",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | America/New_York | 2026-03-02T09:00 | 2026-03-06T09:00-05:00 | 2026-03-09T10:00-04:00 | 2026-03-10T09:00-04:00",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | America/New_York | 2026-03-02T09:00 | 2026-03-06T09:00-05:00 | 2026-03-04T12:00-05:00 | 2026-03-09T09:00-04:00",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | America/New_York | 2026-03-02T09:00 | 2026-10-30T09:00-04:00 | 2026-10-30T17:00-04:00 | 2026-11-02T09:00-05:00",
        "FREQ=WEEKLY;BYDAY=FR | Europe/Berlin | 2026-12-04T14:00 | 2026-12-04T14:00+01:00 | 2026-12-14T09:00+01:00 | 2026-12-18T14:00+01:00",
        "FREQ=DAILY;COUNT=3 | UTC | 2026-12-02T09:00 | 2026-12-03T09:00Z | 2026-12-03T10:00Z | 2026-12-04T09:00Z",
        "FREQ=DAILY;COUNT=3 | UTC | 2026-12-02T09:00 | 2026-12-04T09:00Z | 2026-12-04T10:00Z | ",
        "FREQ=DAILY;COUNT=3 | UTC | 2026-12-02T09:00 | 2026-12-02T09:00Z | 2026-12-05T10:00Z | ",
    })
    void scheduleMode(String rule, String zoneId, String start, String due, String completedAt, String expected) {
        ZoneId zone = ZoneId.of(zoneId);
        Optional<Instant> next = NextDue.of(Mode.SCHEDULE, Rules.inZone(rule, zone), zone, LocalDateTime.parse(start).atZone(zone).toInstant(),
            Times.at(due, zone), Times.at(completedAt, zone), 1);
        assertThat(next).isEqualTo(Optional.ofNullable(expected).map(e -> Times.at(e, zone)));
    }

    @ParameterizedTest(name = "completion {0}: done {3}")
    @CsvSource(delimiter = '|', value = {
        // rule | zone | start | completed at | instances so far | next due
        "FREQ=DAILY;INTERVAL=3 | America/New_York | 2026-03-01T08:30 | 2026-03-02T07:00-05:00 | 1 | 2026-03-05T08:30-05:00",
        "FREQ=DAILY;INTERVAL=3 | America/New_York | 2026-03-01T08:30 | 2026-03-02T23:50-05:00 | 1 | 2026-03-05T08:30-05:00",
        "FREQ=DAILY;INTERVAL=3 | America/New_York | 2026-03-01T08:30 | 2026-03-06T17:45-05:00 | 2 | 2026-03-09T08:30-04:00",
        "FREQ=DAILY;INTERVAL=3 | Europe/Berlin | 2026-06-01T08:00 | 2026-06-10T00:30+02:00 | 1 | 2026-06-13T08:00+02:00",
        "FREQ=DAILY;INTERVAL=2;BYHOUR=7;BYMINUTE=15 | Europe/Berlin | 2026-06-01T09:00 | 2026-06-10T19:00+02:00 | 1 | 2026-06-12T07:15+02:00",
        "FREQ=WEEKLY;BYDAY=FR | Europe/Berlin | 2026-06-05T14:00 | 2026-06-10T10:00+02:00 | 1 | 2026-06-17T14:00+02:00",
        "FREQ=WEEKLY | Australia/Sydney | 2026-03-30T09:00 | 2026-04-01T18:00+11:00 | 1 | 2026-04-08T09:00+10:00",
        "FREQ=MONTHLY | UTC | 2026-01-31T09:00 | 2026-01-31T12:00Z | 1 | 2026-02-28T09:00Z",
        "FREQ=YEARLY | UTC | 2024-02-29T09:00 | 2028-02-29T10:00Z | 1 | 2029-02-28T09:00Z",
        "FREQ=HOURLY;INTERVAL=6 | UTC | 2026-06-01T08:15 | 2026-06-10T10:50Z | 1 | 2026-06-10T16:15Z",
        // DST: a due time in the gap moves forward by the gap, an ambiguous one is the first
        "FREQ=DAILY | America/New_York | 2026-03-01T02:30 | 2026-03-07T10:00-05:00 | 1 | 2026-03-08T03:30-04:00",
        "FREQ=DAILY | America/New_York | 2026-03-01T01:30 | 2026-10-31T12:00-04:00 | 1 | 2026-11-01T01:30-04:00",
        // UNTIL and COUNT end the series
        "FREQ=DAILY;INTERVAL=3;UNTIL=20260610T000000Z | UTC | 2026-06-01T08:00 | 2026-06-05T09:00Z | 1 | 2026-06-08T08:00Z",
        "FREQ=DAILY;INTERVAL=3;UNTIL=20260610T000000Z | UTC | 2026-06-01T08:00 | 2026-06-08T09:00Z | 1 | ",
        "FREQ=DAILY;INTERVAL=3;UNTIL=20260611 | Europe/Berlin | 2026-06-01T08:00 | 2026-06-08T09:00+02:00 | 1 | 2026-06-11T08:00+02:00",
        "FREQ=DAILY;COUNT=3 | UTC | 2026-06-01T08:00 | 2026-06-02T09:00Z | 2 | 2026-06-03T08:00Z",
        "FREQ=DAILY;COUNT=3 | UTC | 2026-06-01T08:00 | 2026-06-03T09:00Z | 3 | ",
    })
    void completionMode(String rule, String zoneId, String start, String completedAt, int instancesSoFar, String expected) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant completed = Times.at(completedAt, zone);
        Optional<Instant> next = NextDue.of(Mode.COMPLETION, Rules.inZone(rule, zone), zone, LocalDateTime.parse(start).atZone(zone).toInstant(),
            completed.minusSeconds(3600), completed, instancesSoFar);
        assertThat(next).isEqualTo(Optional.ofNullable(expected).map(e -> Times.at(e, zone)));
    }

    @ParameterizedTest(name = "missed {0} {1}: due {4}, now {5}")
    @CsvSource(delimiter = '|', value = {
        // mode | rule | zone | start | missed due | now | instance | missed occurrences (space-separated) | next due
        "schedule | FREQ=WEEKLY;BYDAY=FR | Europe/Berlin | 2026-12-04T14:00 | 2026-12-04T14:00+01:00 | 2026-12-04T14:00:01+01:00 | 1 | 2026-12-04T14:00+01:00 | 2026-12-11T14:00+01:00",
        "schedule | FREQ=DAILY | UTC | 2027-01-05T08:00 | 2027-01-05T08:00Z | 2027-01-08T07:00Z | 1 | 2027-01-05T08:00Z 2027-01-06T08:00Z 2027-01-07T08:00Z | 2027-01-08T08:00Z",
        "schedule | FREQ=DAILY | UTC | 2027-01-05T08:00 | 2027-01-05T08:00Z | 2027-01-04T23:00Z | 1 | 2027-01-05T08:00Z | 2027-01-06T08:00Z",
        // across the spring-forward gap: a daily 02:30 in New York becomes 03:30 on 14 March 2027
        "schedule | FREQ=DAILY | America/New_York | 2027-03-10T02:30 | 2027-03-13T02:30-05:00 | 2027-03-13T02:30:05-05:00 | 4 | 2027-03-13T02:30-05:00 | 2027-03-14T03:30-04:00",
        "schedule | FREQ=DAILY;COUNT=2 | UTC | 2027-01-05T08:00 | 2027-01-06T08:00Z | 2027-01-06T08:00:01Z | 2 | | ",
        "completion | FREQ=DAILY;INTERVAL=3 | America/New_York | 2027-01-04T09:00 | 2027-01-04T09:00-05:00 | 2027-01-04T09:00:02-05:00 | 1 | 2027-01-04T09:00-05:00 | 2027-01-07T09:00-05:00",
        "completion | FREQ=DAILY;COUNT=2 | UTC | 2027-01-05T08:00 | 2027-01-06T08:00Z | 2027-01-06T08:00:01Z | 2 | | ",
    })
    void anOpenInstanceWhoseDueTimePassed(String mode, String rule, String zoneId, String start, String due, String now,
                                          int instance, String missed, String expected) {
        ZoneId zone = ZoneId.of(zoneId);
        Optional<NextDue.Move> move = NextDue.afterMissed(Mode.ofWire(mode), Rules.inZone(rule, zone), zone,
            LocalDateTime.parse(start).atZone(zone).toInstant(), Times.at(due, zone), Times.at(now, zone), instance);
        if (expected == null) {
            assertThat(move).isEmpty();
            return;
        }
        assertThat(move).isPresent();
        assertThat(move.get().next()).isEqualTo(Times.at(expected, zone));
        assertThat(move.get().missed()).containsExactlyElementsOf(
            java.util.Arrays.stream(missed.split(" ")).map(m -> Times.at(m, zone)).toList());
    }

    @org.junit.jupiter.api.Test
    void anHourlySeriesAfterALongOutageReportsABoundedNumberOfMissedOccurrences() {
        ZoneId zone = ZoneId.of("UTC");
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Optional<NextDue.Move> move = NextDue.afterMissed(Mode.SCHEDULE, "FREQ=HOURLY", zone, start, start,
            Instant.parse("2026-01-01T00:30:00Z"), 1);

        assertThat(move.orElseThrow().missed()).hasSize(NextDue.MAX_MISSED);
        assertThat(move.get().next()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    }

    @org.junit.jupiter.api.Test
    void upcomingDueTimesInCompletionModeAssumeEachInstanceIsCompletedWhenDue() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Instant start = Instant.parse("2027-01-04T08:00:00Z");
        String rule = Rules.inZone("FREQ=WEEKLY;INTERVAL=2;COUNT=3", zone);

        assertThat(NextDue.upcoming(Mode.COMPLETION, rule, zone, start, start, 1, start.minusSeconds(60), 5)).containsExactly(
            start, Instant.parse("2027-01-18T08:00:00Z"), Instant.parse("2027-02-01T08:00:00Z"));
        assertThat(NextDue.upcoming(Mode.SCHEDULE, rule, zone, start, start, 1, start.minusSeconds(60), 5)).containsExactly(
            start, Instant.parse("2027-01-18T08:00:00Z"), Instant.parse("2027-02-01T08:00:00Z"));
        assertThat(NextDue.upcoming(Mode.COMPLETION, rule, zone, start, start, 3, start.plusSeconds(60), 5)).isEmpty();
    }
}
