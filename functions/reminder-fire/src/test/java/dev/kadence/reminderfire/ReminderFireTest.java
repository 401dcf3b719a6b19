package dev.kadence.reminderfire;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.inbox.EventEndpointContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reminder-fire called as its three triggers call it: the KafkaSource on task-events (the shared event contract),
 * Dapr's job callback, and Dapr's cron binding.
 */
@MicronautTest(transactional = false)
class ReminderFireTest extends EventEndpointContract {

    @Override
    protected String consumer() {
        return "reminder-fire";
    }

    @Override
    protected String eventType() {
        return EventTypes.TASK_UPDATED;
    }

    @Test
    void aDueJobIsAnsweredAndLoggedWithItsData() {
        String data = "{\"reminder_id\":\"6b1c7f6e-0c39-4d0a-9a53-3f7f1c2a5d10\"}";

        Reply reply = send("POST", "/job/reminder-6b1c7f6e", Map.of("Content-Type", "application/json"), data);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(logged()).contains("job reminder-6b1c7f6e is due, data " + data);
    }

    @Test
    void daprFindsTheCronBindingSubscribed() {
        Reply reply = send("OPTIONS", "/reminder-sweep", Map.of("Content-Type", "application/json"), null);

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aCronTickRunsTheSweep() {
        Reply reply = send("POST", "/reminder-sweep", Map.of("Content-Type", "application/json"), "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(logged()).contains("reminder sweep");
    }

}
