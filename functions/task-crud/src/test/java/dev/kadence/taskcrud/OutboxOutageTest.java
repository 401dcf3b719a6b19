package dev.kadence.taskcrud;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.Topics;
import dev.kadence.testing.EventProbe;
import dev.kadence.testing.TestInfra;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With the broker down, writes still succeed; their events wait in the outbox and go out once, when it is back. */
@MicronautTest(transactional = false)
class OutboxOutageTest extends ApiTest {

    @Test
    void aTaskCreatedWhileTheBrokerIsDownIsPublishedExactlyOnceWhenItIsBack() throws Exception {
        User user = signup();
        try (EventProbe probe = new EventProbe(List.of(Topics.TASK_EVENTS, Topics.TASK_UPDATES), this::outboxEmpty)) {
            TestInfra.stopBroker();
            String id;
            try {
                id = createTask(user, Map.of("title", "written during the outage")).id();
                assertThat(call("GET", "/api/v1/tasks/" + id, user, null).status()).isEqualTo(200);
                // the relay keeps failing and retrying while the broker is away: the rows stay
                Thread.sleep(3_000);
                assertThat(count("select count(*) from outbox where subject = ?", id)).isEqualTo(2);
            } finally {
                TestInfra.startBroker();
            }
            probe.settle();
            assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_CREATED, id)).hasSize(1);
            assertThat(probe.records(Topics.TASK_UPDATES, EventTypes.TASK_CHANGED, id)).hasSize(1);
        }
    }
}
