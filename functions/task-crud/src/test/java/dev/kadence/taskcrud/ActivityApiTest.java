package dev.kadence.taskcrud;

import dev.kadence.core.activity.ActivityRecorder;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kadence.taskcrud.BadInputTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/tasks/{id}/activity} and {@code GET /api/v1/activity} over the entries notify writes (written here
 * through the same recorder): the user's own only, newest first, paged by an opaque cursor like the task list's.
 */
@MicronautTest(transactional = false)
class ActivityApiTest extends ApiTest {
    private static final URI TASK_CRUD = URI.create("/kadence/task-crud");

    @Inject
    ActivityRecorder recorder;
    @Inject
    Tasks tasks;

    @Test
    void anotherUsersActivityIsNeverVisible() {
        User alice = signup();
        User bob = signup();
        String task = createTask(alice, Map.of("title", "alice's secret")).id();
        record(alice, task, EventTypes.TASK_CREATED, "2026-12-01T09:00:00Z");

        Response theirs = call("GET", "/api/v1/tasks/" + task + "/activity", bob, null);
        assertProblem(theirs, 404, "not_found", null);
        assertThat(theirs.body()).doesNotContain("alice");
        assertThat(call("GET", "/api/v1/activity", bob, null).items()).isEmpty();
        assertProblem(call("GET", "/api/v1/tasks/" + UUID.randomUUID() + "/activity", alice, null), 404, "not_found", null);

        Response own = call("GET", "/api/v1/tasks/" + task + "/activity", alice, null);
        assertThat(own.items()).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("type", "created").containsEntry("task_id", task).containsEntry("actor", "task-crud");
            assertThat(changes(e)).anySatisfy(c ->
                assertThat(c).containsEntry("field", "title").containsEntry("from", null).containsEntry("to", "alice's secret"));
        });
        assertThat(call("GET", "/api/v1/tasks/" + task + "/activity", null, null).status()).isEqualTo(401);
    }

    @Test
    void pagesWalkEveryEntryOnceNewestFirst() {
        User user = signup();
        String first = createTask(user, Map.of("title", "first")).id();
        String second = createTask(user, Map.of("title", "second")).id();
        for (int i = 0; i < 7; i++) {
            record(user, i % 2 == 0 ? first : second, EventTypes.TASK_UPDATED, "2026-12-01T09:0" + (i / 2) + ":00Z");  // ties
        }

        List<Map<String, Object>> all = call("GET", "/api/v1/activity?limit=200", user, null).items();
        assertThat(all).hasSize(7);
        assertThat(all).extracting(e -> (String) e.get("at")).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(walk(user, "/api/v1/activity", 3)).isEqualTo(ids(all));

        List<Map<String, Object>> ofFirst = call("GET", "/api/v1/tasks/" + first + "/activity", user, null).items();
        assertThat(ofFirst).hasSize(4).allSatisfy(e -> assertThat(e).containsEntry("task_id", first));
        assertThat(walk(user, "/api/v1/tasks/" + first + "/activity", 2)).isEqualTo(ids(ofFirst));
    }

    @Test
    void aCursorThisListDidNotHandOutIs400ProblemJson() {
        User user = signup();
        String task = createTask(user, Map.of("title", "one")).id();
        createTask(user, Map.of("title", "two"));
        record(user, task, EventTypes.TASK_CREATED, "2026-12-01T09:00:00Z");
        record(user, task, EventTypes.TASK_UPDATED, "2026-12-01T10:00:00Z");
        String ofTask = (String) call("GET", "/api/v1/tasks/" + task + "/activity?limit=1", user, null).json().get("next_cursor");
        String ofTaskList = (String) list(user, "limit", "1").json().get("next_cursor");
        assertThat(ofTask).isNotNull();
        assertThat(ofTaskList).isNotNull();

        String tampered = ofTask.substring(0, ofTask.length() - 2) + (ofTask.endsWith("AA") ? "BB" : "AA");
        assertProblem(call("GET", "/api/v1/tasks/" + task + "/activity?cursor=" + encode(tampered), user, null), 400,
            "invalid_cursor", null);
        for (String cursor : List.of("garbage", ofTask, ofTaskList)) {
            assertProblem(call("GET", "/api/v1/activity?cursor=" + encode(cursor), user, null), 400, "invalid_cursor", null);
        }
        assertProblem(call("GET", "/api/v1/activity?limit=0", user, null), 400, "invalid_limit", "limit");
    }

    private List<Object> walk(User user, String path, int limit) {
        List<Object> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + encode(cursor));
            Response page = call("GET", path + query, user, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            walked.addAll(ids(page.items()));
            cursor = (String) page.json().get("next_cursor");
            pages++;
        } while (cursor != null && pages < 20);
        return walked;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changes(Map<String, Object> entry) {
        return (List<Map<String, Object>>) entry.get("changes");
    }

    private static List<Object> ids(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> e.get("id")).toList();
    }

    private void record(User user, String taskId, String type, String at) {
        TaskView task = tasks.get(user.id(), UUID.fromString(taskId));
        tx.executeWrite(status -> {
            recorder.record(UUID.randomUUID().toString(), type, OffsetDateTime.parse(at), TASK_CRUD, user.id(), task.id(), task);
            return null;
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
