package dev.kadence.notify;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.inbox.EventEndpointContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * notify as its KafkaSources (on {@code reminders} and {@code task-updates}) call it; the shared event contract runs
 * here with {@code task.changed}, whose processing needs nothing but the event.
 */
@MicronautTest(transactional = false)
class NotifyTest extends EventEndpointContract {

    @Override
    protected String consumer() {
        return "notify";
    }

    @Override
    protected String eventType() {
        return EventTypes.TASK_CHANGED;
    }

    @Test
    void aReminderDueWithoutItsReminderIsRejectedAndNotRecorded() {
        Map<String, String> event = kafkaSourceHeaders(EventTypes.REMINDER_DUE);

        Reply reply = post(event, "{\"task_id\": \"" + java.util.UUID.randomUUID() + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("reminder_id");
        assertThat(recorded(event.get("ce-id"))).isZero();
    }

    @Test
    void doesNotTakeTaskEvents() {
        Map<String, String> event = kafkaSourceHeaders(EventTypes.TASK_COMPLETED);

        Reply reply = post(event, "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(recorded(event.get("ce-id"))).isZero();
    }

}
