package dev.kadence.recurrencehandler;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.inbox.EventEndpointContract;
import dev.kadence.core.inbox.TopicTypes;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
            Reply reply = post(event, "{}");
            assertThat(reply.status()).as(type).isEqualTo(200);
            assertThat(recorded(event.get("ce-id"))).as(type).isEqualTo(1);
        }
    }

    @Test
    void doesNotTakeReminders() {
        Reply reply = post(kafkaSourceHeaders(EventTypes.REMINDER_DUE), "{}");
        assertThat(reply.status()).isEqualTo(400);
    }

}
