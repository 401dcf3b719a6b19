package dev.kadence.core.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    @Test
    void isRfc9562Version5() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(EventIds.v5(dns, "www.example.com")).isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void theSameThingGetsTheSameIdAndAnotherAnother() {
        UUID reminder = UUID.randomUUID();
        Instant at = Instant.parse("2027-01-08T12:45:00Z");

        assertThat(EventIds.of("dev.kadence.reminder.due", reminder, at)).isEqualTo(EventIds.of("dev.kadence.reminder.due", reminder, at))
            .isNotEqualTo(EventIds.of("dev.kadence.reminder.due", reminder, at.plusSeconds(1)))
            .isNotEqualTo(EventIds.of("dev.kadence.task.due", reminder, at));
        assertThat(EventIds.of("x").version()).isEqualTo(5);
    }
}
