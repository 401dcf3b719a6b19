package dev.kadence.core.recurrence;

import dev.kadence.core.error.Violations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The worst rules Kadence accepts (and some it refuses but may find stored), at each place a rule is evaluated:
 * validation (create, update, preview: {@link Rules#parse} and {@link Rules#checkOccurs}), the next due times of a
 * read or a list ({@link NextDue#upcoming}), and recurrence-handler's work when an instance's due time passes
 * ({@link NextDue#afterMissed}). Each one is at a limit of {@link RuleLimits} or at {@link RuleWalk#BUDGET}, with a
 * pinned "now". Not a test: run it as docs/benchmarks.md says ("Bounded work per rule").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleBudgetBenchmark {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final Instant START = Instant.parse("2026-12-04T13:00:00Z");
    private static final dev.kadence.core.recurrence.Mode SCHEDULE = dev.kadence.core.recurrence.Mode.SCHEDULE;

    /** The longest rule there is room for: every day of the year, counted from its end (1,743 characters). */
    private static final String LONGEST = "FREQ=YEARLY;BYYEARDAY=" + IntStream.rangeClosed(1, 366).mapToObj(d -> "-" + d).collect(Collectors.joining(","));
    /** 24 hours walked per instance: 800 of them are 19,200 of the budget's 20,000. */
    private static final String HOURLY_BY_HOUR_COUNT = "FREQ=HOURLY;BYHOUR=9;COUNT=800";
    /** 25 weekdays built per month (the bound): 750 months are 18,750. */
    private static final String LAST_WORKDAY_COUNT = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=750";
    private static final String LAST_WORKDAY = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1";
    /**
     * A BYSETPOS that passes the limits but no year has (January has 21 to 23 weekdays): lib-recur builds 1000 Januaries
     * of 31 days before it gives up. The most work one lib-recur step can do for an accepted rule.
     */
    private static final String NEVER_SETPOS = "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY="
        + IntStream.rangeClosed(1, 31).mapToObj(String::valueOf).collect(Collectors.joining(",")) + ";BYDAY=MO,TU,WE,TH,FR;BYSETPOS=24";
    private static final String EVERY_DAY_OF_THE_YEAR = "FREQ=YEARLY;BYYEARDAY=" + IntStream.rangeClosed(1, 366).mapToObj(String::valueOf).collect(Collectors.joining(","));
    private static final String EVERY_HOUR_OF_THE_WEEK = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR="
        + IntStream.rangeClosed(0, 23).mapToObj(String::valueOf).collect(Collectors.joining(","));
    /** Refused today; as a stored rule, 70 s per evaluation before it was refused. */
    private static final String INTERVAL_TOO_LARGE = "FREQ=DAILY;INTERVAL=2147483647";
    /** Refused today; as a stored rule, 0.5-1.7 s per evaluation. */
    private static final String SETPOS_AMONG_YEARDAYS = "FREQ=YEARLY;BYYEARDAY="
        + IntStream.rangeClosed(1, 366).mapToObj(String::valueOf).collect(Collectors.joining(",")) + ";BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS=2";

    private static List<String> validate(String rule, Instant start) {
        Violations v = new Violations();
        String parsed = Rules.parse("rule", rule, v);
        if (parsed != null) {
            Rules.checkOccurs("rule", Rules.inZone(parsed, BERLIN), start, BERLIN, v);
        }
        return v.isEmpty() ? List.of() : List.of("refused");
    }

    // validation: create, update, preview

    @Benchmark
    public List<String> validateLongestRule() {
        return validate(LONGEST, START);
    }

    @Benchmark
    public List<String> validateCountAtTheBudgetHourlyByHour() {
        return validate(HOURLY_BY_HOUR_COUNT, START);
    }

    @Benchmark
    public List<String> validateCountAtTheBudgetLastWorkdayOfTheMonth() {
        return validate(LAST_WORKDAY_COUNT, START);
    }

    @Benchmark
    public List<String> validateCountOverTheBudget() {
        return validate("FREQ=HOURLY;BYHOUR=9;COUNT=10000", START);
    }

    @Benchmark
    public List<String> validateSetPosThatNeverMatches() {
        return validate(NEVER_SETPOS, START);
    }

    @Benchmark
    public List<String> validateHourlyUntil9999() {
        return validate("FREQ=HOURLY;UNTIL=99991231T235959Z", START);
    }

    // the next five due times of a read or a list

    @Benchmark
    public List<Instant> upcomingCountAtTheBudgetNearItsEnd() {
        Instant start = Instant.parse("2024-09-01T07:00:00Z");
        return NextDue.upcoming(SCHEDULE, HOURLY_BY_HOUR_COUNT, BERLIN, start, start, 1, NOW, 5);
    }

    @Benchmark
    public List<Instant> upcomingLastWorkdayCountAtTheBudget() {
        Instant start = Instant.parse("1964-01-31T08:00:00Z");
        return NextDue.upcoming(SCHEDULE, LAST_WORKDAY_COUNT, BERLIN, start, start, 1, NOW, 5);
    }

    @Benchmark
    public List<Instant> upcomingEveryDayOfTheYear() {
        Instant start = Instant.parse("2016-01-01T08:00:00Z");
        return NextDue.upcoming(SCHEDULE, EVERY_DAY_OF_THE_YEAR, BERLIN, start, start, 1, NOW, 5);
    }

    @Benchmark
    public List<Instant> upcomingEveryHourOfTheWeek() {
        Instant start = Instant.parse("2016-01-04T08:00:00Z");
        return NextDue.upcoming(SCHEDULE, EVERY_HOUR_OF_THE_WEEK, BERLIN, start, start, 1, NOW, 5);
    }

    @Benchmark
    public List<Instant> upcomingSetPosThatNeverMatches() {
        return NextDue.upcoming(SCHEDULE, NEVER_SETPOS, BERLIN, START, START, 1, NOW, 5);
    }

    @Benchmark
    public List<Instant> upcomingMonthlyFromTheYear1() {
        Instant start = Instant.parse("0001-01-01T08:00:00Z");
        return NextDue.upcoming(SCHEDULE, "FREQ=MONTHLY", UTC, start, start, 1, NOW, 5);
    }

    @Benchmark
    public List<Instant> upcomingHourlyUntil9999FromTheYear1() {
        Instant start = Instant.parse("0001-01-01T08:00:00Z");
        return NextDue.upcoming(SCHEDULE, "FREQ=HOURLY;UNTIL=99991231T235959Z", UTC, start, start, 1, NOW, 5);
    }

    // recurrence-handler: a due time passed

    @Benchmark
    public Optional<NextDue.Move> missedHourlyCountAtItsLimit() {
        Instant start = Instant.parse("2025-05-01T00:00:00Z");
        return NextDue.afterMissed(SCHEDULE, "FREQ=HOURLY;COUNT=10000", BERLIN, start, start, NOW, 1);
    }

    @Benchmark
    public Optional<NextDue.Move> missedLastWorkdaySinceTheYear1026() {
        Instant start = Instant.parse("1026-01-31T09:00:00Z");
        return NextDue.afterMissed(SCHEDULE, LAST_WORKDAY, UTC, start, start, NOW, 1);
    }

    // stored rules beyond today's limits: refused before lib-recur sees them

    @Benchmark
    public List<Instant> storedIntervalTooLarge() {
        return NextDue.upcoming(SCHEDULE, INTERVAL_TOO_LARGE, BERLIN, START, START, 1, NOW, 5);
    }

    @Benchmark
    public Optional<NextDue.Move> storedSetPosAmongYearDaysMissed() {
        return NextDue.afterMissed(SCHEDULE, SETPOS_AMONG_YEARDAYS, BERLIN, START, START, NOW, 1);
    }

    @Benchmark
    public String storedSetPosAmongYearDaysSummary() {
        return RecurrenceSummary.of(SETPOS_AMONG_YEARDAYS, BERLIN, START);
    }
}
