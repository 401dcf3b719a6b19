package dev.kadence.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock a test sets and moves by hand (microsecond precision, as stored), for logic that takes "now" as input. */
public final class TestClock extends Clock {
    private volatile Instant now;

    public TestClock(Instant start) {
        set(start);
    }

    public void set(Instant instant) {
        now = instant.truncatedTo(ChronoUnit.MICROS);
    }

    public void advance(Duration by) {
        set(now.plus(by));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Kadence's clock is UTC");
    }
}
