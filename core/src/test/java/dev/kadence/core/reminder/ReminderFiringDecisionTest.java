package dev.kadence.core.reminder;

import dev.kadence.core.reminder.Reminder.Firing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The firing decision, given the reminder's state and time, now, the grace period and whether its task is open. */
class ReminderFiringDecisionTest {
    private static final Instant FIRE_AT = Instant.parse("2026-12-04T13:45:00Z");
    private static final Duration GRACE = Duration.ofMinutes(15);

    @ParameterizedTest(name = "{0}, now {1}s from its time, task open {2} → {3}")
    @CsvSource({
        // pending: too early, a moment early, due, late within grace, too late
        "PENDING,    -60, true,  NOT_DUE",
        "PENDING,     -2, true,  NOT_DUE",
        "PENDING,     -1, true,  EARLY",
        "PENDING,      0, true,  FIRE",
        "PENDING,    600, true,  FIRE",
        "PENDING,    900, true,  FIRE",
        "PENDING,    901, true,  MISS",
        "PENDING,  86400, true,  MISS",
        // a done or deleted task: suppressed when due, but missed is missed and early is still early
        "PENDING,      0, false, SUPPRESS",
        "PENDING,    900, false, SUPPRESS",
        "PENDING,    901, false, MISS",
        "PENDING,     -1, false, EARLY",
        "PENDING,    -60, false, NOT_DUE",
        // anything but pending has nothing left to fire
        "FIRED,        0, true,  GONE",
        "DELIVERED,    0, true,  GONE",
        "CANCELLED,    0, true,  GONE",
        "SUPPRESSED,   0, false, GONE",
        "MISSED,     901, true,  GONE",
        "CANCELLED,  -60, true,  GONE",
    })
    void decides(ReminderStatus status, long secondsAfterItsTime, boolean taskOpen, Firing expected) {
        Reminder reminder = new Reminder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), FIRE_AT, null, FIRE_AT,
            status, FIRE_AT.minusSeconds(3600), FIRE_AT.minusSeconds(3600));
        assertThat(reminder.firing(FIRE_AT.plusSeconds(secondsAfterItsTime), GRACE, taskOpen)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pending,PENDING", "fired,FIRED", "delivered,DELIVERED", "cancelled,CANCELLED", "suppressed,SUPPRESSED", "missed,MISSED"})
    void statesKeepTheirNamesInTheDatabaseAndTheApi(String wire, ReminderStatus status) {
        assertThat(status.wire()).isEqualTo(wire);
        assertThat(ReminderStatus.ofWire(wire)).isEqualTo(status);
    }
}
