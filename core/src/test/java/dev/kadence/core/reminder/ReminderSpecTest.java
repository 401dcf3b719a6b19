package dev.kadence.core.reminder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderSpecTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "invalid", value = {"PT15M,900", "pt1h,3600", "P1D,86400", "P2W,1209600", "PT1H30M,5400",
        "15m,invalid", "P1M,invalid", "soon,invalid",
        "PT00000000000000000000000000015M,900", "PT000000000000000000000000000015M,invalid"})
    void durations(String text, Long seconds) {
        Duration parsed = ReminderSpec.duration(text);
        assertThat(parsed == null ? null : parsed.toSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PT15M,2026-12-04T13:45:00Z", "P1D,2026-12-03T14:00:00Z"})
    void relativeRemindersFireBeforeTheDueTime(String before, String fireAt) {
        Instant due = Instant.parse("2026-12-04T14:00:00Z");
        assertThat(new ReminderSpec(null, before).fireAt(due)).isEqualTo(Instant.parse(fireAt));
        assertThat(new ReminderSpec(null, before).fireAt(null)).isNull();
        assertThat(new ReminderSpec(due.minusSeconds(5), null).fireAt(due.plusSeconds(600))).isEqualTo(due.minusSeconds(5));
    }
}
