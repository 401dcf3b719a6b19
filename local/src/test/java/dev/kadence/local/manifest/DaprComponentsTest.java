package dev.kadence.local.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kadence.local.manifest.DaprComponents.CronBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaprComponentsTest {

    @Test
    void theReminderSweepRunsEveryThirtySecondsForReminderFireOnly() {
        assertEquals(List.of(new CronBinding("reminder-sweep", "@every 30s", List.of("reminder-fire"))),
                DaprComponents.fromDirectory(Repository.dapr()));
    }
}
