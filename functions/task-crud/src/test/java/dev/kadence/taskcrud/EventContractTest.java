package dev.kadence.taskcrud;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.Topics;
import dev.kadence.testing.EventProbe;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event contract of docs/events.md: after each mutation a plain Kafka consumer finds exactly one
 * binary-mode CloudEvent of the right type on task-events, and one summary on task-updates.
 */
@MicronautTest(transactional = false)
class EventContractTest extends ApiTest {

    /** Runs the mutation and returns the data of the one task event it published, after checking its attributes. */
    Map<String, Object> published(String type, String change, User user, Supplier<String> mutation) {
        return published(type, change, user, mutation, 0);
    }

    /** As above, when the mutation also publishes {@code others} events of other types on task-events. */
    @SuppressWarnings("unchecked")
    Map<String, Object> published(String type, String change, User user, Supplier<String> mutation, int others) {
        try (EventProbe probe = new EventProbe(List.of(Topics.TASK_EVENTS, Topics.TASK_UPDATES), this::outboxEmpty)) {
            String taskId = mutation.get();
            probe.settle();
            List<ConsumerRecord<String, byte[]>> events = probe.records(Topics.TASK_EVENTS, type, taskId);
            assertThat(events).as("%s events for task %s", type, taskId).hasSize(1);
            assertThat(probe.all().stream().filter(r -> r.topic().equals(Topics.TASK_EVENTS))).hasSize(1 + others);
            ConsumerRecord<String, byte[]> event = events.get(0);
            assertThat(event.key()).isEqualTo(taskId);
            assertThat(EventProbe.header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(UUID.fromString(EventProbe.header(event, "ce_id"))).isNotNull();
            assertThat(EventProbe.header(event, "ce_source")).isEqualTo("/kadence/task-crud");
            assertThat(EventProbe.header(event, "ce_partitionkey")).isEqualTo(taskId);
            assertThat(OffsetDateTime.parse(EventProbe.header(event, "ce_time"))).isNotNull();
            assertThat(EventProbe.header(event, "content-type")).isEqualTo("application/json");
            Map<String, Object> data = read(event.value());
            assertThat(data).containsEntry("task_id", taskId).containsEntry("user_id", user.id().toString());
            assertThat((Map<String, Object>) data.get("task")).containsEntry("id", taskId)
                .containsKeys("title", "description", "priority", "status", "tags", "due_at", "completed_at", "recurrence", "reminders");

            List<ConsumerRecord<String, byte[]>> updates = probe.records(Topics.TASK_UPDATES, EventTypes.TASK_CHANGED, taskId);
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0).key()).isEqualTo(taskId);
            assertThat(read(updates.get(0).value())).containsEntry("change", change).containsEntry("user_id", user.id().toString());
            return data;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> task(Map<String, Object> data) {
        return (Map<String, Object>) data.get("task");
    }

    @Test
    void stoppingASeriesPublishesSeriesCancelledBesideTheTaskUpdate() {
        User user = signup();
        Response task = call("POST", "/api/v1/tasks", user, Map.of("title", "Standup", "due_at", "2026-12-04T09:00:00Z",
            "recurrence", Map.of("rule", "FREQ=DAILY")));
        String series = (String) ((Map<?, ?>) task.json().get("recurrence")).get("series_id");
        try (EventProbe probe = new EventProbe(List.of(Topics.TASK_EVENTS), this::outboxEmpty)) {
            assertThat(call("DELETE", "/api/v1/tasks/" + task.id() + "/recurrence", user, null).status()).isEqualTo(200);
            probe.settle();
            List<ConsumerRecord<String, byte[]>> cancelled = probe.records(Topics.TASK_EVENTS, EventTypes.SERIES_CANCELLED, task.id());
            assertThat(cancelled).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo(task.id()));
            assertThat(read(cancelled.get(0).value())).containsEntry("series_id", series).containsEntry("task_id", task.id())
                .containsEntry("user_id", user.id().toString()).containsKey("stopped_at");
        }
    }

    @Test
    void everyMutationPublishesExactlyOneEventOfItsType() {
        User user = signup();
        String[] id = new String[1];
        Map<String, Object> created = published(EventTypes.TASK_CREATED, "created", user, () -> id[0] = createTask(user, Map.of(
            "title", "Weekly report", "priority", "high", "tags", List.of("work"), "due_at", "2026-12-04T14:00:00+01:00",
            "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=FR", "timezone", "Europe/Berlin"),
            "reminders", List.of(Map.of("before_due", "PT15M")))).id());
        assertThat(task(created)).containsEntry("title", "Weekly report").containsEntry("priority", "high")
            .containsEntry("due_at", "2026-12-04T13:00:00Z");
        assertThat(task(created).get("recurrence")).asString().contains("FREQ=WEEKLY;BYDAY=FR").contains("Europe/Berlin");
        assertThat(task(created).get("reminders")).asString().contains("PT15M").contains("2026-12-04T12:45:00Z");

        Map<String, Object> updated = published(EventTypes.TASK_UPDATED, "updated", user, () -> {
            call("PATCH", "/api/v1/tasks/" + id[0], user, Map.of("due_at", "2026-12-11T14:00:00+01:00"));
            return id[0];
        });
        assertThat(task(updated).get("reminders")).as("relative reminder follows the due date").asString().contains("2026-12-11T12:45:00Z");

        published(EventTypes.TASK_COMPLETED, "completed", user, () -> {
            call("POST", "/api/v1/tasks/" + id[0] + "/complete", user, null);
            return id[0];
        });
        published(EventTypes.TASK_REOPENED, "reopened", user, () -> {
            call("POST", "/api/v1/tasks/" + id[0] + "/reopen", user, null);
            return id[0];
        });
        Map<String, Object> stopped = published(EventTypes.TASK_UPDATED, "updated", user, () -> {
            call("DELETE", "/api/v1/tasks/" + id[0] + "/recurrence", user, null);
            return id[0];
        }, 1);
        assertThat(task(stopped).get("recurrence")).isNull();
        published(EventTypes.TASK_COMPLETED, "completed", user, () -> {
            call("PATCH", "/api/v1/tasks/" + id[0], user, Map.of("status", "done"));
            return id[0];
        });
        Map<String, Object> deleted = published(EventTypes.TASK_DELETED, "deleted", user, () -> {
            assertThat(call("DELETE", "/api/v1/tasks/" + id[0], user, null).status()).isEqualTo(204);
            return id[0];
        });
        assertThat(task(deleted)).containsEntry("title", "Weekly report");
        Map<String, Object> restored = published(EventTypes.TASK_RESTORED, "restored", user, () -> {
            assertThat(call("POST", "/api/v1/tasks/" + id[0] + "/restore", user, null).status()).isEqualTo(200);
            return id[0];
        });
        assertThat(task(restored)).containsEntry("title", "Weekly report").containsEntry("status", "done");
    }

    @Test
    void renamingATagUpdatesAndPublishesItsTasks() {
        User user = signup();
        String id = createTask(user, Map.of("title", "t", "tags", List.of("wrok", "home"))).id();
        String tagId = (String) call("GET", "/api/v1/tags", user, null).items().stream()
            .filter(t -> t.get("name").equals("wrok")).findFirst().orElseThrow().get("id");
        Map<String, Object> data = published(EventTypes.TASK_UPDATED, "updated", user, () -> {
            assertThat(call("PATCH", "/api/v1/tags/" + tagId, user, Map.of("name", "Work")).json()).containsEntry("name", "work");
            return id;
        });
        assertThat(task(data).get("tags")).isEqualTo(List.of("work", "home"));
        assertThat(titles(list(user, "tags", "work"))).containsExactly("t");
    }

    @Test
    void cancellingAReminderPublishesTheTaskWithoutIt() {
        User user = signup();
        Response created = createTask(user, Map.of("title", "t", "reminders", List.of(Map.of("at", "2030-01-01T09:00:00Z"))));
        String reminderId = (String) call("GET", "/api/v1/reminders?status=pending", user, null).items().get(0).get("id");
        Map<String, Object> data = published(EventTypes.TASK_UPDATED, "updated", user, () -> {
            assertThat(call("DELETE", "/api/v1/reminders/" + reminderId, user, null).json()).containsEntry("status", "cancelled");
            return created.id();
        });
        assertThat((List<?>) task(data).get("reminders")).isEmpty();
        assertThat(call("GET", "/api/v1/reminders?status=pending", user, null).items()).isEmpty();
    }

    @Test
    void movingTheAccountsSeriesToANewZonePublishesEachMovedTaskAsUpdated() {
        User user = signup();
        String id = createTask(user, Map.of("title", "Standup", "due_at", "2030-01-07T09:00:00+01:00",
            "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=MO"))).id();
        Map<String, Object> data = published(EventTypes.TASK_UPDATED, "updated", user, () -> {
            call("PATCH", "/api/v1/me", user, Map.of("timezone", "Europe/Lisbon", "move_series", true));
            return id;
        });
        assertThat(task(data)).containsEntry("due_at", "2030-01-07T09:00:00Z");
        assertThat(task(data).get("recurrence")).asString().contains("Europe/Lisbon");
    }

    @Test
    void aChangeThatChangesNothingPublishesNothing() {
        User user = signup();
        String id = createTask(user, Map.of("title", "same", "priority", "low")).id();
        try (EventProbe probe = new EventProbe(List.of(Topics.TASK_EVENTS), this::outboxEmpty)) {
            call("PATCH", "/api/v1/tasks/" + id, user, Map.of("priority", "low"));
            call("POST", "/api/v1/tasks/" + id + "/reopen", user, null);
            probe.settle();
            assertThat(probe.all()).isEmpty();
        }
    }

    private Map<String, Object> read(byte[] bytes) {
        try {
            return json.readValue(bytes, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
