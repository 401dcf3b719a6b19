package dev.kadence.notify;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.inbox.EventEndpointContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** notify as its KafkaSource (on {@code reminders}) and the platform call it; the shared event contract runs here too. */
@MicronautTest(transactional = false)
class NotifyTest extends EventEndpointContract {

    @Override
    protected String consumer() {
        return "notify";
    }

    @Override
    protected String eventType() {
        return EventTypes.REMINDER_DUE;
    }

    @Test
    void doesNotTakeTaskEvents() {
        Map<String, String> event = kafkaSourceHeaders(EventTypes.TASK_COMPLETED);

        Reply reply = post(event, "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(recorded(event.get("ce-id"))).isZero();
    }

}
