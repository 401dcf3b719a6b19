package dev.kadence.core.event;

import dev.kadence.core.db.Sql;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.RecordingServer;
import dev.kadence.testkit.RecordingServer.Answer;
import dev.kadence.testkit.Waits;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay against a sink that answers as the test says: each outbox row becomes one binary-mode CloudEvent POSTed to
 * its topic's sink; a row goes only after a 2xx, one task's rows one after another, different tasks' at the same time.
 */
class OutboxRelayTest {
    private static final String TYPE = "dev.kadence.test.";

    @Test
    void eachTasksEventsGoInOrderAFailureHoldsBackTheRestAndOtherTasksGoMeanwhile() throws Exception {
        String held = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        AtomicBoolean refusing = new AtomicBoolean(true);
        CountDownLatch otherArrived = new CountDownLatch(1);
        AtomicBoolean sentAtOnce = new AtomicBoolean();
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        List<String> overlapping = new CopyOnWriteArrayList<>();

        try (RecordingServer sink = RecordingServer.start(request -> {
                String task = request.header("ce-partitionkey");
                if (!inFlight.add(task)) {
                    overlapping.add(task);
                }
                try {
                    String type = request.header("ce-type");
                    if (task.equals(other)) {
                        otherArrived.countDown();
                    } else if (task.equals(held) && type.equals(TYPE + 1)) {
                        sentAtOnce.compareAndSet(false, await(otherArrived));
                    } else if (task.equals(held) && type.equals(TYPE + 2) && refusing.get()) {
                        return new Answer(503, "{\"detail\":\"broker unavailable\"}");
                    }
                    return Answer.of(202);
                } finally {
                    inFlight.remove(task);
                }
            });
             ApplicationContext context = ApplicationContext.run(properties(sink))) {
            TransactionOperations<Connection> tx = transactions(context);
            Outbox outbox = context.getBean(Outbox.class);
            UUID first = tx.executeWrite(status -> {
                UUID id = outbox.add(Topics.TASK_EVENTS, TYPE + 1, UUID.fromString(held), Map.of("n", 1));
                outbox.add(Topics.TASK_UPDATES, TYPE + 2, UUID.fromString(held), Map.of("n", 2));
                outbox.add(Topics.TASK_EVENTS, TYPE + 3, UUID.fromString(held), Map.of("n", 3));
                outbox.add(Topics.TASK_EVENTS, TYPE + 1, UUID.fromString(other), Map.of("n", 1));
                outbox.add(Topics.TASK_EVENTS, TYPE + 2, UUID.fromString(other), Map.of("n", 2));
                return id;
            });

            Waits.await("the refused event was retried", Duration.ofSeconds(30),
                () -> types(sink, held).stream().filter((TYPE + 2)::equals).count() >= 2);
            assertThat(types(sink, held)).as("nothing after the refused event").doesNotContain(TYPE + 3);
            assertThat(types(sink, other)).containsExactly(TYPE + 1, TYPE + 2);
            assertThat(outboxTypes(context, held)).containsExactly(TYPE + 2, TYPE + 3);
            assertThat(outboxTypes(context, other)).isEmpty();

            refusing.set(false);
            Waits.await("the held task's events were published", Duration.ofSeconds(30),
                () -> outboxTypes(context, held).isEmpty());
            List<String> heldTypes = types(sink, held);
            assertThat(heldTypes.getFirst()).isEqualTo(TYPE + 1);
            assertThat(heldTypes.subList(1, heldTypes.size() - 1)).containsOnly(TYPE + 2);
            assertThat(heldTypes.getLast()).isEqualTo(TYPE + 3);
            assertThat(overlapping).as("one task's events one after another").isEmpty();
            assertThat(sentAtOnce).as("two tasks' events at the same time").isTrue();

            RecordingServer.Request event = sink.requests().stream()
                .filter(r -> held.equals(r.header("ce-partitionkey")) && r.header("ce-type").equals(TYPE + 1))
                .findFirst().orElseThrow();
            assertThat(event.method()).isEqualTo("POST");
            assertThat(event.path()).isEqualTo("/kadence/task-events");
            assertThat(event.header("ce-specversion")).isEqualTo("1.0");
            assertThat(event.header("ce-id")).isEqualTo(first.toString());
            assertThat(event.header("ce-subject")).isEqualTo(held);
            assertThat(event.header("ce-source")).startsWith("/kadence/");
            assertThat(event.header("ce-time")).isNotBlank();
            assertThat(event.header("Content-Type")).isEqualTo("application/json");
            assertThat(event.body()).isEqualTo("{\"n\":1}");
            assertThat(sink.requests()).filteredOn(r -> r.header("ce-type").equals(TYPE + 2) && held.equals(r.header("ce-partitionkey")))
                .extracting(RecordingServer.Request::path).containsOnly("/kadence/task-updates");
        }
    }

    private static Map<String, Object> properties(RecordingServer sink) {
        Map<String, Object> properties = new HashMap<>(TestInfra.properties());
        properties.put("kadence.sinks.task-events", sink.url() + "/kadence/task-events");
        properties.put("kadence.sinks.task-updates", sink.url() + "/kadence/task-updates");
        properties.put("kadence.sinks.reminders", sink.url() + "/kadence/reminders");
        properties.put("kadence.sinks.poll-interval", "1h");
        return properties;
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> types(RecordingServer sink, String task) {
        return sink.requests().stream().filter(r -> task.equals(r.header("ce-partitionkey")))
            .map(r -> r.header("ce-type")).toList();
    }

    private static List<String> outboxTypes(ApplicationContext context, String task) {
        Sql sql = context.getBean(Sql.class);
        return transactions(context).executeRead(status -> sql.list("select type from outbox where message_key = ? order by id",
            List.of(task), rs -> rs.getString(1)));
    }

    @SuppressWarnings("unchecked")
    private static TransactionOperations<Connection> transactions(ApplicationContext context) {
        return context.getBean(TransactionOperations.class);
    }
}
