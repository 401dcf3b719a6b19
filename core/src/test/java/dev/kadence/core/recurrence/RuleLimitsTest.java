package dev.kadence.core.recurrence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits a rule is accepted within ({@link RuleLimits}) and the budget its evaluation must fit
 * ({@link RuleWalk#BUDGET}), each at its edge: the largest accepted and the smallest refused, with the error code.
 * Rules are parsed and checked as the API does, against a start on Friday 2026-12-04 14:00 in Berlin.
 */
class RuleLimitsTest {

    static Stream<Arguments> rules() {
        String weekdaysAtFivePositions = Stream.of("MO", "TU", "WE", "TH", "FR", "SA", "SU")
            .flatMap(d -> Stream.of(d, "1" + d, "2" + d, "3" + d, "4" + d, "-1" + d)).collect(Collectors.joining(","));
        return Stream.of(
            // the length, before lib-recur splits anything
            row("FREQ=DAILY;BYHOUR=" + "9,".repeat(995) + "9", "too_long"),
            // BY lists: as many entries as the part has values
            row("FREQ=MONTHLY;BYDAY=" + weekdaysAtFivePositions, null),
            row("FREQ=MONTHLY;BYDAY=" + weekdaysAtFivePositions + ",-2MO", "rule_too_complex"),
            row("FREQ=MONTHLY;BYMONTHDAY=" + range(1, 31), null),
            row("FREQ=MONTHLY;BYMONTHDAY=" + range(1, 31) + ",-1", "rule_too_complex"),
            row("FREQ=YEARLY;BYYEARDAY=" + range(1, 366), null),
            row("FREQ=YEARLY;BYYEARDAY=" + range(1, 366) + ",-1", "rule_too_complex"),
            row("FREQ=YEARLY;BYWEEKNO=" + range(1, 53) + ",-1;BYDAY=MO", "rule_too_complex"),
            row("FREQ=YEARLY;BYMONTH=" + range(1, 12) + ",1", "rule_too_complex"),
            row("FREQ=DAILY;BYHOUR=" + range(0, 23), null),
            row("FREQ=DAILY;BYHOUR=" + range(0, 23) + ",0", "rule_too_complex"),
            row("FREQ=HOURLY;BYMINUTE=" + range(0, 59), null),
            row("FREQ=HOURLY;BYMINUTE=" + range(0, 59) + ",0", "rule_too_complex"),
            row("FREQ=HOURLY;BYMINUTE=0;BYSECOND=" + range(0, 59) + ",0", "rule_too_complex"),
            row("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=" + range(1, 31) + ",-1", "rule_too_complex"),
            // instances a period expands to: at most a year of days
            row("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + range(0, 23), null),
            row("FREQ=MONTHLY;BYMONTHDAY=" + range(1, 15) + ";BYHOUR=" + range(0, 23), null),      // 360
            row("FREQ=MONTHLY;BYMONTHDAY=" + range(1, 16) + ";BYHOUR=" + range(0, 23), "rule_too_complex"),  // 384
            row("FREQ=DAILY;BYHOUR=" + range(0, 23) + ";BYMINUTE=" + range(0, 59), "rule_too_complex"),
            row("FREQ=YEARLY;BYYEARDAY=" + range(1, 366) + ";BYHOUR=9,17", "rule_too_complex"),
            row("FREQ=YEARLY;BYMONTH=" + range(1, 12) + ";BYMONTHDAY=1,15;BYHOUR=9,17", null),
            // BYSETPOS: positions a period can have, and not among BYYEARDAY's or BYWEEKNO's days
            row("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", null),
            row("FREQ=YEARLY;BYMONTH=12;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", null),
            row("FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "rule_too_complex"),     // among 265 a year
            row("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9,17;BYSETPOS=-1", "rule_too_complex"),     // among 50 a month
            row("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=5", null),
            row("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6", "rule_too_complex"),
            row("FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=2", "rule_too_complex"),
            row("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS=2", "rule_too_complex"),
            row("FREQ=YEARLY;BYYEARDAY=1,100;BYSETPOS=1", "rule_too_complex"),
            row("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO,TU;BYSETPOS=1", "rule_too_complex"),
            // a BYSETPOS within the bound that no period has: lib-recur gives up (it threw out as a 500 before)
            row("FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5,6,7;BYDAY=MO;BYSETPOS=2", "never_occurs"),
            row("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=" + range(1, 31) + ";BYDAY=MO,TU,WE,TH,FR;BYSETPOS=24", "never_occurs"),
            row("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=" + range(1, 31) + ";BYDAY=MO,TU,WE,TH,FR;BYSETPOS=23", null),
            // UNTIL within the years Kadence keeps
            row("FREQ=DAILY;UNTIL=99991231T235959Z", null),
            row("FREQ=DAILY;UNTIL=00000101T000000Z", "until_out_of_range"),
            // the budget: a COUNT rule is counted from its start on every evaluation, so all of it must fit
            row("FREQ=DAILY;COUNT=10000", null),
            row("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=10000", null),
            row("FREQ=HOURLY;BYHOUR=9;COUNT=700", null),              // 24 hours walked per instance: 16,800
            row("FREQ=HOURLY;BYHOUR=9;COUNT=1000", "rule_too_complex"),  // 24,000
            row("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=750", null),  // 25 per month: 18,750
            row("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=1000", "rule_too_complex"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("rules")
    void rulesAreAcceptedWithinTheLimits(String rule, String expected) {
        assertThat(RulesTest.problems(rule)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void theLongestListsStillFitTheLength() {
        String longest = "FREQ=YEARLY;BYYEARDAY=" + IntStream.rangeClosed(1, 366).mapToObj(d -> "-" + d).collect(Collectors.joining(","));
        assertThat(longest.length()).isLessThan(RuleLimits.MAX_LENGTH);
        assertThat(RulesTest.problems(longest)).isEmpty();
    }

    private static Arguments row(String rule, String expected) {
        return Arguments.of(rule, expected);
    }

    private static String range(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }
}
