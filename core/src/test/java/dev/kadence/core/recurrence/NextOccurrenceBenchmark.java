package dev.kadence.core.recurrence;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Next-occurrence computation for representative rules, each asked at a pinned "now" long after its start.
 * Not a test: run it as docs/recurrence.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NextOccurrenceBenchmark {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @Benchmark
    public Optional<Instant> weeklyByDay() {
        return NextOccurrence.after("FREQ=WEEKLY;BYDAY=MO,WE,FR", NEW_YORK, Instant.parse("2026-01-05T14:00:00Z"), NOW);
    }

    @Benchmark
    public Optional<Instant> monthlyLastWorkdayBySetPos() {
        return NextOccurrence.after("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", BERLIN, Instant.parse("2025-01-31T16:00:00Z"), NOW);
    }

    @Benchmark
    public Optional<Instant> dailyStartedTenYearsAgo() {
        return NextOccurrence.after("FREQ=DAILY", BERLIN, Instant.parse("2016-06-15T07:00:00Z"), NOW);
    }

    @Benchmark
    public Optional<Instant> hourlyStartedHundredYearsAgo() {
        return NextOccurrence.after("FREQ=HOURLY", BERLIN, Instant.parse("1926-06-15T07:15:00Z"), NOW);
    }

    /** COUNT at RuleLimits.MAX_COUNT, asked near its end, so every instance is counted (RuleBudgetBenchmark: every limit). */
    @Benchmark
    public Optional<Instant> hourlyCountAtLimitNearItsEnd() {
        return NextOccurrence.after("FREQ=HOURLY;COUNT=10000", BERLIN, Instant.parse("2025-05-01T00:00:00Z"), NOW);
    }

    @Benchmark
    public String summaryOfLastFriday() {
        return RecurrenceSummary.of("FREQ=MONTHLY;BYDAY=-1FR", BERLIN, Instant.parse("2026-01-30T16:00:00Z"));
    }
}
