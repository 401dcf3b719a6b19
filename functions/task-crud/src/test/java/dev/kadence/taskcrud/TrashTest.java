package dev.kadence.taskcrud;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A deleted task goes to the trash: gone from reads and lists, listed in the trash, and restorable once, same id. */
@MicronautTest(transactional = false)
class TrashTest extends ApiTest {

    @Test
    void aDeletedTaskIsRestoredWithItsReminders() {
        User user = signup();
        String id = createTask(user, Map.of("title", "Renew passport", "tags", List.of("admin"), "priority", "high",
            "due_at", "2030-03-01T09:00:00Z",
            "reminders", List.of(Map.of("at", "2030-02-01T09:00:00Z"), Map.of("before_due", "P1D")))).id();

        assertThat(call("DELETE", "/api/v1/tasks/" + id, user, null).status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/tasks/" + id, user, null).status()).isEqualTo(404);
        assertThat(titles(list(user))).isEmpty();
        assertThat(call("GET", "/api/v1/reminders?status=pending", user, null).items()).isEmpty();
        assertThat(call("GET", "/api/v1/trash", user, null).items()).extracting(t -> t.get("id")).containsExactly(id);

        Response restored = call("POST", "/api/v1/tasks/" + id + "/restore", user, null);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json()).containsEntry("id", id).containsEntry("title", "Renew passport")
            .containsEntry("priority", "high").containsEntry("tags", List.of("admin"));
        assertThat((List<?>) restored.json().get("reminders")).hasSize(2);
        assertThat(call("GET", "/api/v1/reminders?status=pending", user, null).items())
            .extracting(r -> r.get("fire_at")).containsExactlyInAnyOrder("2030-02-01T09:00:00Z", "2030-02-28T09:00:00Z");
        assertThat(titles(list(user, "tags", "admin"))).containsExactly("Renew passport");
        assertThat(call("GET", "/api/v1/trash", user, null).items()).isEmpty();

        Response again = call("POST", "/api/v1/tasks/" + id + "/restore", user, null);
        assertThat(again.status()).as("a second restore is no error").isEqualTo(200);
        assertThat(again.json()).containsEntry("id", id);
        assertThat(count("select count(*) from reminders where task_id = ? and status = 'pending'", UUID.fromString(id)))
            .as("nothing armed twice").isEqualTo(2);
    }

    @Test
    void aReminderWhoseTimeHasPassedIsNotArmedAgain() {
        User user = signup();
        String id = createTask(user, Map.of("title", "Old", "reminders", List.of(Map.of("at", "2030-01-01T09:00:00Z")))).id();
        call("DELETE", "/api/v1/tasks/" + id, user, null);
        sql.update("update task_trash set reminders = '[{\"at\": \"2001-01-01T09:00:00+00:00\", \"before_due\": null}]' where task_id = ?",
            List.of(UUID.fromString(id)));
        assertThat((List<?>) call("POST", "/api/v1/tasks/" + id + "/restore", user, null).json().get("reminders")).isEmpty();
    }

    @Test
    void aRestoredSeriesInstanceKeepsItsSeries() {
        User user = signup();
        Response created = createTask(user, Map.of("title", "Standup", "due_at", "2030-01-07T08:00:00Z",
            "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=MO", "timezone", "UTC")));
        String id = created.id();
        call("DELETE", "/api/v1/tasks/" + id, user, null);

        Map<String, Object> restored = call("POST", "/api/v1/tasks/" + id + "/restore", user, null).json();
        @SuppressWarnings("unchecked")
        Map<String, Object> recurrence = (Map<String, Object>) restored.get("recurrence");
        assertThat(recurrence).containsEntry("status", "active").containsEntry("rule", "FREQ=WEEKLY;BYDAY=MO");
        UUID series = UUID.fromString((String) recurrence.get("series_id"));
        assertThat(count("select count(*) from series_history where series_id = ? and kind = 'resumed'", series)).isEqualTo(1);
    }

    @Test
    void aRestoredTasksTagsAreTheUsersTagsAgain() {
        User user = signup();
        String id = createTask(user, Map.of("title", "Tax return", "tags", List.of("paperwork"))).id();
        call("DELETE", "/api/v1/tasks/" + id, user, null);
        String tag = (String) call("GET", "/api/v1/tags", user, null).items().get(0).get("id");
        assertThat(call("DELETE", "/api/v1/tags/" + tag, user, null).status()).isEqualTo(204);

        assertThat(call("POST", "/api/v1/tasks/" + id + "/restore", user, null).json()).containsEntry("tags", List.of("paperwork"));
        assertThat(call("GET", "/api/v1/tags", user, null).items()).extracting(t -> t.get("name")).containsExactly("paperwork");
    }

    @Test
    void theTrashKeepsThirtyDays() {
        User user = signup();
        String old = createTask(user, Map.of("title", "Long gone")).id();
        String recent = createTask(user, Map.of("title", "Just gone")).id();
        call("DELETE", "/api/v1/tasks/" + old, user, null);
        sql.update("update task_trash set deleted_at = now() - interval '31 days' where task_id = ?", List.of(UUID.fromString(old)));

        assertThat(call("POST", "/api/v1/tasks/" + old + "/restore", user, null).status()).isEqualTo(404);
        call("DELETE", "/api/v1/tasks/" + recent, user, null);
        assertThat(call("GET", "/api/v1/trash", user, null).items()).extracting(t -> t.get("title")).containsExactly("Just gone");
        assertThat(count("select count(*) from task_trash where task_id = ?", UUID.fromString(old))).as("purged by the next delete").isZero();
    }

    @Test
    void anotherUsersTrashIsNotTheirs() {
        User alice = signup();
        User bob = signup();
        String id = createTask(alice, Map.of("title", "alice's secret")).id();
        call("DELETE", "/api/v1/tasks/" + id, alice, null);

        Response r = call("POST", "/api/v1/tasks/" + id + "/restore", bob, null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("alice");
        assertThat(call("GET", "/api/v1/trash", bob, null).items()).isEmpty();
        assertThat(call("POST", "/api/v1/tasks/" + UUID.randomUUID() + "/restore", alice, null).status()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/tasks/" + id + "/restore", alice, null).status()).isEqualTo(200);
    }
}
