package dev.kadence.notify;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.inbox.EventEndpointContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * notify as its KafkaSources (on {@code reminders}, {@code task-updates} and {@code task-events}) call it; the shared event contract runs
 * here with {@code task.changed}, whose processing needs nothing but the event.
 */
@MicronautTest(transactional = false)
class NotifyTest extends EventEndpointContract {
    @jakarta.inject.Inject
    dev.kadence.testing.Fixtures fixtures;

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

        Reply reply = post(event, "{\"task_id\": \"" + java.util.UUID.randomUUID() + "\", \"user_id\": \"" + java.util.UUID.randomUUID() + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("reminder_id");
        assertThat(recorded(event.get("ce-id"))).isZero();
    }

    @Test
    void aTaskEventWithoutItsSnapshotIsRejectedAndNotRecorded() {
        Map<String, String> event = kafkaSourceHeaders(EventTypes.TASK_COMPLETED);

        Reply reply = post(event, write(Map.of("task_id", event.get("ce-subject"), "user_id", java.util.UUID.randomUUID().toString())));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("data.task");
        assertThat(recorded(event.get("ce-id"))).isZero();
    }

    @Test
    void aTaskChangeInjectedWithoutThePlatformsTokenReachesNoStream() {
        String victim = fixtures.user("UTC").toString();
        Map<String, String> event = kafkaSourceHeaders(EventTypes.TASK_CHANGED);
        event.remove(dev.kadence.testkit.KafkaSource.TOKEN_HEADER);
        String data = write(Map.of("task_id", event.get("ce-subject"), "user_id", victim));

        Reply injected = post(event, data);
        Map<String, String> delivered = kafkaSourceHeaders(EventTypes.TASK_CHANGED);
        Reply real = post(delivered, write(Map.of("task_id", delivered.get("ce-subject"), "user_id", victim)));

        assertThat(injected.status()).isEqualTo(401);
        assertThat(real.status()).as("the same change as the platform delivers it").isEqualTo(200);
        java.util.List<String> onTheStream = tx.executeRead(s -> sql.list("select data from stream_events where user_id = ?::uuid",
            java.util.List.of(victim), rs -> rs.getString(1)));
        assertThat(onTheStream).singleElement().asString()
            .contains(delivered.get("ce-subject")).doesNotContain(event.get("ce-subject"));
    }
}
