package dev.kadence.local.dapr;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScheduleTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "none", value = {"500ms,500", "10s,10000", "1h30m,5400000", "2h45m,9900000", "1.5s,1500",
        "10,none", "s,none", "10x,none", "'',none"})
    void goDurations(String text, Long millis) {
        Duration d = GoDuration.parse(text);
        if (millis == null) {
            assertNull(d, text);
        } else {
            assertEquals(millis, d.toMillis(), text);
        }
    }

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({
        "'0 30 * * * *',   2026-11-22T10:29:59Z, 2026-11-22T10:30:00Z",
        "'0 30 * * * *',   2026-11-22T10:30:00Z, 2026-11-22T11:30:00Z",
        "'0 15 3 * * *',   2026-11-22T10:00:00Z, 2026-11-23T03:15:00Z",
        "'*/20 * * * * *', 2026-11-22T10:00:05Z, 2026-11-22T10:00:20Z",
        "'0 0 9 * * mon-fri', 2026-11-21T12:00:00Z, 2026-11-23T09:00:00Z",
        "'0 0 0 29 feb *', 2026-03-01T00:00:00Z, 2028-02-29T00:00:00Z",
        "'0 0 12 1 jan,jul *', 2026-11-22T00:00:00Z, 2027-01-01T12:00:00Z"})
    void cronFindsTheNextMatchStrictlyAfter(String cron, String after, String expected) {
        ZonedDateTime next = CronExpression.parse(cron).next(Instant.parse(after).atZone(UTC));
        assertEquals(Instant.parse(expected), next.toInstant());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"@every 2s,2000", "@every 1h30m,5400000", "45s,45000"})
    void intervals(String text, long millis) {
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        assertEquals(t.plusMillis(millis), Schedule.parse(text).next(t));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-22T11:00:00+01:00,2026-11-22T10:00:00Z", "90s,2026-11-22T10:01:30Z"})
    void pointsInTime(String text, String expected) {
        assertEquals(Instant.parse(expected), Schedule.pointInTime(text, Instant.parse("2026-11-22T10:00:00Z")));
    }
}
