package dev.kadence.recurrencehandler;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.inbox.EventEndpointContract;
import dev.kadence.core.inbox.TopicTypes;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** recurrence-handler as its KafkaSource and the platform call it (the shared event contract runs here too). */
@MicronautTest(transactional = false)
class RecurrenceHandlerTest extends EventEndpointContract {

    @Override
    protected String consumer() {
        return "recurrence-handler";
    }

    @Override
    protected String eventType() {
        return EventTypes.TASK_COMPLETED;
    }

    @Test
    void takesEveryTypeOnTaskEvents() {
        for (String type : TopicTypes.TASK_EVENTS) {
            Map<String, String> event = kafkaSourceHeaders(type);
            Reply reply = post(event, write(Map.of("task_id", event.get("ce-subject"), "user_id", UUID.randomUUID(),
                "series_id", UUID.randomUUID(), "due_at", "2027-01-01T09:00:00Z")));
            assertThat(reply.status()).as(type).isEqualTo(200);
            assertThat(recorded(event.get("ce-id"))).as(type).isEqualTo(1);
        }
    }

    @Test
    void aCompletionOrDueEventWithoutItsTaskIsRejected() {
        for (String type : java.util.List.of(EventTypes.TASK_COMPLETED, EventTypes.TASK_DUE)) {
            Map<String, String> event = kafkaSourceHeaders(type);
            Reply reply = post(event, "{}");
            assertThat(reply.status()).as(type).isEqualTo(400);
            assertThat(reply.body()).as(type).contains("task_id");
            assertThat(recorded(event.get("ce-id"))).as(type).isZero();
        }
    }

    @Test
    void doesNotTakeReminders() {
        Reply reply = post(kafkaSourceHeaders(EventTypes.REMINDER_DUE), "{}");
        assertThat(reply.status()).isEqualTo(400);
    }

}
