package dev.kadence.taskcrud;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.OutboxRelay;
import dev.kadence.core.event.Topics;
import dev.kadence.core.logging.KadenceLogs;
import dev.kadence.core.logging.LogEvent;
import dev.kadence.testing.EventProbe;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.Waits;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the broker down, writes still succeed; their events wait in the outbox while the relay fails and retries, and
 * go out once each, in order per task, when it is back.
 */
@MicronautTest(transactional = false)
class OutboxOutageTest extends ApiTest {

    @Test
    void tasksWrittenWhileTheBrokerIsDownArePublishedOnceInOrderWhenItIsBack() throws Exception {
        User user = signup();
        List<LogEvent> relayFailures = new CopyOnWriteArrayList<>();
        try (EventProbe probe = new EventProbe(List.of(Topics.TASK_EVENTS, Topics.TASK_UPDATES), this::outboxEmpty);
             AutoCloseable listening = KadenceLogs.listen(e -> {
                 if (e.logger().equals(OutboxRelay.class.getName()) && e.message().startsWith("outbox: publishing failed")) {
                     relayFailures.add(e);
                 }
             })) {
            TestInfra.stopBroker();
            List<String> ids;
            try {
                ids = List.of(createTask(user, Map.of("title", "written during the outage")).id(),
                    createTask(user, Map.of("title", "also written during the outage")).id());
                for (String id : ids) {
                    assertThat(call("PATCH", "/api/v1/tasks/" + id, user, Map.of("priority", "low")).status()).isEqualTo(200);
                    assertThat(call("GET", "/api/v1/tasks/" + id, user, null).status()).isEqualTo(200);
                }
                // the relay tried, failed and tried again while the broker was away; the rows stayed
                Waits.await("the relay has failed twice", Duration.ofSeconds(30), () -> relayFailures.size() >= 2);
                for (String id : ids) {
                    assertThat(count("select count(*) from outbox where subject = ?", id)).isEqualTo(4);
                }
            } finally {
                TestInfra.startBroker();
            }
            assertThat(relayFailures).extracting(LogEvent::message)
                .anySatisfy(m -> assertThat(m).contains("retry 1 in"))
                .anySatisfy(m -> assertThat(m).contains("retry 2 in"));

            probe.settle();   // the outbox drained and every record it held has been read back from the broker
            assertThat(count("select count(*) from outbox")).isZero();
            for (String id : ids) {
                assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_CREATED, id)).hasSize(1);
                assertThat(probe.records(Topics.TASK_EVENTS, EventTypes.TASK_UPDATED, id)).hasSize(1);
                assertThat(probe.all()).filteredOn(r -> r.topic().equals(Topics.TASK_EVENTS) && id.equals(EventProbe.header(r, "ce_subject")))
                    .extracting(r -> EventProbe.header(r, "ce_type"))
                    .as("task %s's events in the order they were written", id)
                    .containsExactly(EventTypes.TASK_CREATED, EventTypes.TASK_UPDATED);
                assertThat(probe.all()).filteredOn(r -> r.topic().equals(Topics.TASK_UPDATES) && id.equals(EventProbe.header(r, "ce_subject")))
                    .extracting(r -> EventProbe.header(r, "ce_type"))
                    .containsExactly(EventTypes.TASK_CHANGED, EventTypes.TASK_CHANGED);
            }
        }
    }
}
