package dev.kadence.core.recurrence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every evaluation of a rule is bounded by {@link RuleWalk#BUDGET}, counted in the instances lib-recur builds, and ends
 * the same way every time when the budget runs out; a stored rule that breaks today's limits is not evaluated at all.
 * The sites: {@link Rules#checkOccurs} (create, update, preview: {@link RuleLimitsTest}), {@link NextOccurrence}
 * (read, list, preview, the next instance in schedule mode), {@link NextDue#afterMissed} (a due time passed),
 * {@link NextDue#afterCompletion} and {@link RecurrenceSummary} (no iteration). No assertion on time: the work is
 * counted ({@link Occurrences.Found#spent}).
 */
class EvaluationBudgetTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @Test
    void aWalkStopsWhenTheInstancesItBuiltReachTheBudget() {
        RuleWalk hourly = walk("FREQ=HOURLY", "2026-01-01T00:00:00Z");
        int instances = 0;
        while (hourly.next() != null) {
            instances++;
        }
        assertThat(hourly.end()).isEqualTo(RuleWalk.End.BUDGET);
        assertThat(instances).isEqualTo(RuleWalk.BUDGET);
        assertThat(hourly.spent()).isEqualTo(RuleWalk.BUDGET);

        // the last workday of each month: lib-recur builds the month's 20 to 23 weekdays (bound: 25) for each
        RuleWalk lastWorkday = walk("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-12-31T09:00:00Z");
        instances = 0;
        while (lastWorkday.next() != null) {
            instances++;
        }
        assertThat(lastWorkday.end()).isEqualTo(RuleWalk.End.BUDGET);
        assertThat(instances).isEqualTo(RuleWalk.BUDGET / 25);
        assertThat(lastWorkday.spent()).isEqualTo(RuleWalk.BUDGET);
    }

    @Test
    void aWalkThatOutlivesTheYear9999EndsWithTheRule() {
        RuleWalk yearly = walk("FREQ=YEARLY", "9990-06-01T00:00:00Z");
        int instances = 0;
        while (yearly.next() != null) {
            instances++;
        }
        assertThat(yearly.end()).isEqualTo(RuleWalk.End.RULE);
        assertThat(instances).isEqualTo(10);
        assertThat(NextOccurrence.upcoming("FREQ=YEARLY", UTC, Instant.parse("9998-06-01T00:00:00Z"), NOW, 5))
            .containsExactly(Instant.parse("9998-06-01T00:00:00Z"), Instant.parse("9999-06-01T00:00:00Z"));
        assertThat(NextDue.afterCompletion("FREQ=YEARLY", UTC, Instant.parse("9999-06-01T00:00:00Z"),
            Instant.parse("9999-06-01T00:00:00Z"), 1)).isEmpty();
        assertThat(NextDue.afterCompletion("FREQ=DAILY", ZoneId.of("America/Los_Angeles"), Instant.parse("9999-12-31T20:00:00Z"),
            Instant.parse("9999-12-31T20:00:00Z"), 1)).as("the next day ends in UTC's year 10000").isEmpty();
    }

    @Test
    void listingOccurrencesStopsAtTheBudgetWithFewerThanAsked() {
        Occurrences.Found found = new Occurrences("FREQ=HOURLY", UTC, Instant.parse("2026-01-01T00:00:00Z")).find(NOW, 1_000_000);

        assertThat(found.exhausted()).isTrue();
        assertThat(found.instants()).hasSizeLessThanOrEqualTo(RuleWalk.BUDGET).hasSizeGreaterThan(RuleWalk.BUDGET - 2);
        assertThat(found.instants().getFirst()).isEqualTo(Instant.parse("2026-06-15T13:00:00Z"));
    }

    /** A COUNT rule stored around the API whose count cannot be reached within the budget: no further occurrence. */
    @Test
    void aStoredCountRuleThatNeedsMoreThanTheBudgetHasNoFurtherOccurrence() {
        String rule = "FREQ=HOURLY;BYHOUR=9;COUNT=5000";      // 24 hours walked per instance: 120,000 to count it
        Instant start = Instant.parse("2000-01-01T08:00:00Z");
        assertThat(RulesTest.problems(rule)).as("the API refuses it").containsExactly("rule_too_complex");
        assertThat(Rules.refusal(rule)).as("but it keeps the static limits").isNull();

        Occurrences.Found found = new Occurrences(rule, BERLIN, start).find(NOW, 5);

        assertThat(found.instants()).isEmpty();
        assertThat(found.exhausted()).isTrue();
        assertThat(found.spent()).as("one stride of lib-recur's fast-forward at most beyond the budget")
            .isBetween((long) RuleWalk.BUDGET, (long) RuleWalk.BUDGET + RuleWalk.STRIDE + 24);
        assertThat(NextOccurrence.after(rule, BERLIN, start, NOW)).isEmpty();
        assertThat(NextDue.upcoming(Mode.SCHEDULE, rule, BERLIN, start, start, 1, NOW, 5)).isEmpty();
        assertThat(NextDue.afterMissed(Mode.SCHEDULE, rule, BERLIN, start, start, NOW, 1)).isEmpty();
        assertThat(NextDue.onSchedule(rule, BERLIN, start, start, NOW)).isEmpty();
    }

    /**
     * A monthly instance open since the year 1026: listing the thousand months it missed would build 25 weekdays for
     * each; the budget lists its own due and the 799 months after it that 20,000 instances pay for (the month skipped
     * to, January 1026, is paid too), and the instance still moves to the first occurrence after now.
     */
    @Test
    void missedOccurrencesAreListedWithinTheBudgetAndTheInstanceStillMovesOn() {
        String rule = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1";
        Instant start = Instant.parse("1026-01-31T09:00:00Z");

        Optional<NextDue.Move> move = NextDue.afterMissed(Mode.SCHEDULE, rule, UTC, start, start, NOW, 1);

        assertThat(move).hasValueSatisfying(m -> {
            assertThat(m.next()).isEqualTo(Instant.parse("2026-06-30T09:00:00Z"));
            assertThat(m.missed()).hasSize(1 + 799).hasSizeLessThan(NextDue.MAX_MISSED);
            assertThat(m.missed().getFirst()).isEqualTo(start);
            assertThat(m.missed().get(1)).isEqualTo(Instant.parse("1026-02-28T09:00:00Z"));
        });
        assertThat(new Occurrences(rule, UTC, start).find(start, NextDue.MAX_MISSED - 1).exhausted()).isTrue();
        assertThat(new Occurrences(rule, UTC, start).find(NOW, 5).exhausted()).as("five from now fit").isFalse();
    }

    @Test
    void theHardestAcceptedRulesFitTheBudgetWhereverTheyAreEvaluated() {
        Instant start = Instant.parse("2026-12-04T13:00:00Z");
        for (String rule : List.of("FREQ=DAILY;COUNT=10000", "FREQ=HOURLY;BYHOUR=9;COUNT=800",      // as RuleBudgetBenchmark
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=750", "FREQ=YEARLY;BYYEARDAY=" + range(1, 366))) {
            assertThat(RulesTest.problems(rule)).as(rule).isEmpty();
            for (Instant after : List.of(start.minusSeconds(1), Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z"))) {
                Occurrences.Found found = new Occurrences(rule, BERLIN, start).find(after, 5);
                assertThat(found.exhausted()).as(rule + " after " + after).isFalse();
                assertThat(found.spent()).as(rule + " after " + after).isLessThanOrEqualTo(RuleWalk.BUDGET);
            }
        }
    }

    static Stream<Arguments> storedRulesBeyondTheLimits() {
        return Stream.of(
            Arguments.of("FREQ=DAILY;INTERVAL=2147483647", "interval_too_large"),    // 70 s per evaluation before
            Arguments.of("FREQ=HOURLY;COUNT=2000000", "count_too_large"),
            Arguments.of("FREQ=MINUTELY", "unsupported_frequency"),
            Arguments.of("FREQ=YEARLY;BYYEARDAY=" + range(1, 366) + ";BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS=2", "rule_too_complex"),
            Arguments.of("FREQ=YEARLY;BYYEARDAY=" + range(1, 366) + ";BYHOUR=" + range(0, 23) + ";BYMINUTE=" + range(0, 59), "rule_too_complex"),
            Arguments.of("FREQ=DAILY;UNTIL=00000101T000000Z", "until_out_of_range"),
            Arguments.of("FREQ=HOURLY;BYWEEKNO=53", "invalid_rule"),                  // no longer parses
            Arguments.of("FREQ=MONTHLY;BYMONTHDAY=" + "1,".repeat(500_000) + "1", "too_long"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("storedRulesBeyondTheLimits")
    void aStoredRuleBeyondTheLimitsIsNotEvaluatedItsSeriesHasOnlyItsStart(String rule, String code) {
        Instant start = Instant.parse("2026-01-05T08:00:00Z");

        assertThat(Rules.refusal(rule)).isEqualTo(code);
        assertThat(Rules.evaluable(rule)).isNull();
        Occurrences.Found fromStart = new Occurrences(rule, BERLIN, start).find(start.minusSeconds(1), 5);
        assertThat(fromStart.instants()).containsExactly(start);
        assertThat(fromStart.spent()).isZero();
        assertThat(new Occurrences(rule, BERLIN, start).find(NOW, 5).instants()).isEmpty();
        assertThat(NextDue.upcoming(Mode.SCHEDULE, rule, BERLIN, start, start, 1, NOW, 5)).isEmpty();
        assertThat(NextDue.upcoming(Mode.COMPLETION, rule, BERLIN, start, start, 1, NOW, 5)).isEmpty();
        assertThat(NextDue.of(Mode.SCHEDULE, rule, BERLIN, start, start, NOW, 1)).isEmpty();
        assertThat(NextDue.of(Mode.COMPLETION, rule, BERLIN, start, start, NOW, 1)).isEmpty();
        assertThat(NextDue.afterMissed(Mode.SCHEDULE, rule, BERLIN, start, start, NOW, 1)).isEmpty();
        assertThat(NextDue.afterMissed(Mode.COMPLETION, rule, BERLIN, start, start, NOW, 1)).isEmpty();
        assertThat(RecurrenceSummary.of(rule, BERLIN, start)).startsWith("custom rule ")
            .endsWith(", from 2026-01-05 09:00, Europe/Berlin, not evaluated: " + code).hasSizeLessThan(400);
    }

    @Test
    void aDateOnlyUntilAtTheEndOfTheYear9999StaysWithinIt() {
        assertThat(Rules.inZone("FREQ=DAILY;UNTIL=99991231", ZoneId.of("America/Los_Angeles"))).contains("UNTIL=99991231T235959Z");
        assertThat(Rules.inZone("FREQ=DAILY;UNTIL=99991231", ZoneId.of("Asia/Tokyo"))).contains("UNTIL=99991231T145959Z");
    }

    private static RuleWalk walk(String rule, String start) {
        return new RuleWalk(Rules.rule(rule), new org.dmfs.rfc5545.DateTime(TimeZone.getTimeZone("UTC"), Instant.parse(start).toEpochMilli()));
    }

    private static String range(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }
}
