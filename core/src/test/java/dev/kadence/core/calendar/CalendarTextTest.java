package dev.kadence.core.calendar;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransitionRule;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarTextTest {

    @Test
    void textIsEscapedAndLinesAreFoldedAt75OctetsBetweenCharacters() {
        String summary = "a,b;c\\d\r\ne\nf" + "€".repeat(40);
        String text = new ContentLines(256).text("SUMMARY", summary).toString();

        assertThat(text).startsWith("SUMMARY:a\\,b\\;c\\\\d\\ne\\nf€").endsWith("\r\n");
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSizeGreaterThan(1);
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(lines[i].startsWith(" ")).isEqualTo(i > 0);
        }
        assertThat(String.join("", text.split("\r\n ")).strip()).isEqualTo("SUMMARY:a\\,b\\;c\\\\d\\ne\\nf" + "€".repeat(40));
    }

    @Test
    void durationsAreExactAndPrioritiesFollowRfc5545() {
        assertThat(FeedCalendar.duration(Duration.ofDays(1).negated())).isEqualTo("-PT24H");
        assertThat(FeedCalendar.duration(Duration.ofMinutes(90).negated())).isEqualTo("-PT1H30M");
        assertThat(FeedCalendar.duration(Duration.ofSeconds(61))).isEqualTo("PT1M1S");
        assertThat(FeedCalendar.duration(Duration.ZERO)).isEqualTo("PT0S");
    }

    @Test
    void transitionRulesBecomeYearlyRules() {
        assertThat(VTimeZones.rrule(rule("America/New_York", 0))).isEqualTo("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
        assertThat(VTimeZones.rrule(rule("Europe/Berlin", 0))).isEqualTo("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        assertThat(VTimeZones.rrule(ZoneOffsetTransitionRule.of(java.time.Month.MARCH, 23, java.time.DayOfWeek.FRIDAY,
            java.time.LocalTime.of(2, 0), false, ZoneOffsetTransitionRule.TimeDefinition.WALL,
            java.time.ZoneOffset.ofHours(2), java.time.ZoneOffset.ofHours(2), java.time.ZoneOffset.ofHours(3))))
            .isEqualTo("FREQ=YEARLY;BYMONTH=3;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29");
        assertThat(VTimeZones.offset(java.time.ZoneOffset.ofHoursMinutes(5, 30))).isEqualTo("+0530");
        assertThat(VTimeZones.offset(java.time.ZoneOffset.ofTotalSeconds(-(4 * 3600 + 56 * 60 + 2)))).isEqualTo("-045602");
    }

    private static ZoneOffsetTransitionRule rule(String zone, int index) {
        return ZoneId.of(zone).getRules().getTransitionRules().get(index);
    }
}
