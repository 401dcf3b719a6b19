package dev.kadence.core.recurrence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** COUNT is counted from the start on every evaluation, so it is bounded where the rule is accepted. */
class CountLimitTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "ok", value = {
        "FREQ=DAILY;COUNT=10000 | ok",
        "FREQ=HOURLY;COUNT=10001 | count_too_large",
    })
    void countIsBounded(String rule, String expected) {
        assertThat(RulesTest.problems(rule)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }
}
