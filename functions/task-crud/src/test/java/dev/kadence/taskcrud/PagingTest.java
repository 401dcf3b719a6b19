package dev.kadence.taskcrud;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking every page with the cursor yields each task exactly once, in the same order as one big page,
 * for every sort key and direction, with ties and undated tasks among them; and a completed range, which is read
 * differently (TaskListing), in the same order as the whole list.
 */
@MicronautTest(transactional = false)
class PagingTest extends ApiTest {
    private User user;

    /** A completed range is first looked for among the next few tasks; with 23 tasks, 5 makes both ways answer. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("kadence.task-list.completed-window", "5");
        return properties;
    }

    @BeforeAll
    void manyTasksWithTiesAndGaps() {
        user = signup();
        String[] priorities = {"low", "medium", "high"};
        for (int i = 0; i < 23; i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("title", (i % 2 == 0 ? "Task " : "task ") + (i % 7));          // duplicate titles, mixed case
            body.put("priority", priorities[i % 3]);
            body.put("status", i % 3 == 1 ? "done" : "todo");
            if (i % 4 != 0) {
                body.put("due_at", Instant.parse("2026-12-01T09:00:00Z").plusSeconds(3600L * (i % 5)).toString());  // ties
            }
            createTask(user, body);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"due_at,asc", "due_at,desc", "priority,asc", "priority,desc", "created_at,asc", "created_at,desc",
        "updated_at,desc", "title,asc", "title,desc"})
    void pagesAreStableAndComplete(String sortBy, String order) {
        List<Map<String, Object>> all = list(user, "sort_by", sortBy, "order", order, "limit", "200").items();
        assertThat(all).hasSize(23);
        List<Object> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = cursor == null
                ? list(user, "sort_by", sortBy, "order", order, "limit", "4")
                : list(user, "sort_by", sortBy, "order", order, "limit", "4", "cursor", cursor);
            page.items().forEach(t -> walked.add(t.get("id")));
            cursor = (String) page.json().get("next_cursor");
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(walked).containsExactlyElementsOf(all.stream().map(t -> t.get("id")).toList());
        assertThat(pages).isEqualTo(6);

        if (sortBy.equals("due_at")) {
            List<Object> dues = all.stream().map(t -> t.get("due_at")).toList();
            int firstNull = dues.indexOf(null);
            assertThat(dues.subList(firstNull, dues.size())).as("undated tasks last").containsOnlyNulls();
            List<String> dated = dues.subList(0, firstNull).stream().map(String.class::cast).toList();
            Comparator<String> byTime = Comparator.comparing(Instant::parse);
            assertThat(dated).isSortedAccordingTo(order.equals("asc") ? byTime : byTime.reversed());
        }
        if (sortBy.equals("priority")) {
            List<Integer> ranks = all.stream().map(t -> List.of("low", "medium", "high").indexOf(t.get("priority"))).toList();
            assertThat(ranks).isSortedAccordingTo(order.equals("asc") ? Comparator.naturalOrder() : Comparator.reverseOrder());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"due_at,asc", "due_at,desc", "priority,desc", "created_at,desc", "updated_at,asc", "updated_at,desc",
        "title,asc"})
    void aCompletedRangeIsTheWholeListsCompletedTasksInItsOrder(String sortBy, String order) {
        List<Object> done = list(user, "sort_by", sortBy, "order", order, "limit", "200").items().stream()
            .filter(t -> t.get("status").equals("done")).map(t -> t.get("id")).toList();
        assertThat(done).hasSize(8);
        List<Object> walked = new ArrayList<>();
        String cursor = null;
        do {
            Response page = cursor == null
                ? list(user, "sort_by", sortBy, "order", order, "limit", "1", "completed_from", "2000-01-01")
                : list(user, "sort_by", sortBy, "order", order, "limit", "1", "completed_from", "2000-01-01", "cursor", cursor);
            page.items().forEach(t -> walked.add(t.get("id")));
            cursor = (String) page.json().get("next_cursor");
        } while (cursor != null && walked.size() < 30);
        assertThat(walked).containsExactlyElementsOf(done);
    }
}
