package dev.kadence.core.recurrence;

import dev.kadence.core.error.FieldError;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.Violations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RulesTest {
    @org.junit.jupiter.api.Test
    void aDateOnlyUntilMeansTheEndOfThatDayInTheSeriesZone() {
        assertThat(Rules.inZone("FREQ=WEEKLY;UNTIL=20261231", ZoneId.of("Europe/Berlin"))).contains("UNTIL=20261231T225959Z");
        assertThat(Rules.inZone("FREQ=WEEKLY;UNTIL=20261231", ZoneId.of("Pacific/Kiritimati"))).contains("UNTIL=20261231T095959Z");
        assertThat(Rules.inZone("FREQ=DAILY", ZoneId.of("UTC"))).isEqualTo("FREQ=DAILY");
    }

    private static final Instant START = Instant.parse("2026-12-04T13:00:00Z");   // a Friday, 14:00 in Berlin

    /** The error codes a rule gets, parsed and checked against START in Berlin; empty when it is accepted. */
    static List<String> problems(String rule) {
        Violations v = new Violations();
        String canonical = Rules.parse("rule", rule, v);
        if (canonical != null) {
            Rules.checkOccurs("rule", Rules.inZone(canonical, ZoneId.of("Europe/Berlin")), START, ZoneId.of("Europe/Berlin"), v);
        }
        if (v.isEmpty()) {
            return List.of();
        }
        KadenceException e = catchThrowableOfType(KadenceException.class, v::throwIfAny);
        return e.errors().stream().map(FieldError::code).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "ok", value = {
        "FREQ=WEEKLY;BYDAY=FR                         | ok",
        "RRULE:FREQ=DAILY;INTERVAL=2                  | ok",
        "freq=monthly;bymonthday=-1                   | ok",
        "FREQ=MONTHLY;BYDAY=2TU                       | ok",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29          | ok",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 | ok",
        "FREQ=DAILY;COUNT=3                           | ok",
        "FREQ=HOURLY;INTERVAL=6                       | ok",
        "FREQ=DAILY;UNTIL=20270101T000000Z            | ok",
        "FREQ=WEEKLY;UNTIL=20261231                   | ok",
        "EVERY FRIDAY                                 | invalid_rule",
        "FREQ=FORTNIGHTLY                             | invalid_rule",
        "FREQ=WEEKLY;BYDAY=XX                         | invalid_rule",
        "FREQ=MINUTELY;INTERVAL=15                    | unsupported_frequency",
        "FREQ=SECONDLY                                | unsupported_frequency",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30          | never_occurs",
        "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31         | never_occurs",
        "FREQ=DAILY;UNTIL=20261101T000000Z            | until_before_start",
        "'   '                                        | required"})
    void rulesAreParsedAndChecked(String rule, String expected) {
        assertThat(problems(rule)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "EVERY FRIDAY           | can’t be read: “EVERY FRIDAY” should be a NAME=VALUE pair (for example FREQ=WEEKLY;BYDAY=MO,FR)",
        "FREQ=WEEKLY;BYDAY      | can’t be read: “BYDAY” should be a NAME=VALUE pair (for example FREQ=WEEKLY;BYDAY=MO,FR)",
        "FREQ=FORTNIGHTLY       | needs a frequency: FREQ=DAILY, WEEKLY, MONTHLY or YEARLY (for example FREQ=WEEKLY;BYDAY=MO,FR)",
        "BYDAY=MO               | needs a frequency: FREQ=DAILY, WEEKLY, MONTHLY or YEARLY (for example FREQ=WEEKLY;BYDAY=MO,FR)",
        "FREQ=WEEKLY;BYDAY=XX   | can’t be read: “BYDAY=XX” is not a value Kadence understands (for example FREQ=WEEKLY;BYDAY=MO,FR)",
        "FREQ=DAILY;BYHOUR=25   | can’t be read: “BYHOUR=25” is not a value Kadence understands (for example FREQ=WEEKLY;BYDAY=MO,FR)"})
    void anUnreadableRuleIsExplainedInWords(String rule, String message) {
        Violations v = new Violations();
        Rules.parse("rule", rule, v);
        KadenceException e = catchThrowableOfType(KadenceException.class, v::throwIfAny);
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("invalid_rule");
            assertThat(error.message()).isEqualTo(message);
        });
    }
}
