package dev.kadence.taskcrud;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenarios of the foundation issue, through the HTTP API. */
@MicronautTest(transactional = false)
class AcceptanceTest extends ApiTest {

    @Test
    void createHighPriorityTaskWithTagsThenLowerItAndDropOneTag() {
        User user = signup();
        Response created = createTask(user, Map.of("title", "Prepare presentation", "priority", "high", "tags", List.of("work", "urgent")));
        assertThat(created.json()).containsEntry("priority", "high").containsEntry("status", "todo");
        assertThat(created.json().get("tags")).isEqualTo(List.of("work", "urgent"));

        Response edited = call("PATCH", "/api/v1/tasks/" + created.id(), user, Map.of("priority", "low", "remove_tags", List.of("urgent")));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json()).containsEntry("priority", "low").containsEntry("title", "Prepare presentation");
        assertThat(edited.json().get("tags")).isEqualTo(List.of("work"));

        Response fetched = call("GET", "/api/v1/tasks/" + created.id(), user, null);
        assertThat(fetched.json()).containsEntry("priority", "low");
        assertThat(fetched.json().get("tags")).isEqualTo(List.of("work"));
    }

    @Test
    void searchFindsTitleDescriptionAndTagWordsByPrefix() {
        User user = signup();
        createTask(user, Map.of("title", "Fix the heating", "tags", List.of("urgent")));
        createTask(user, Map.of("title", "Call the bank", "description", "Ask about the urgent transfer"));
        createTask(user, Map.of("title", "Water plants"));

        assertThat(titles(list(user, "search", "urgent"))).containsExactlyInAnyOrder("Fix the heating", "Call the bank");
        assertThat(titles(list(user, "search", "urg"))).hasSize(2);
        assertThat(titles(list(user, "search", "bank transfer"))).containsExactly("Call the bank");
        assertThat(titles(list(user, "search", "plants"))).containsExactly("Water plants");
    }

    @Test
    void filterHighPriorityAndInProgress() {
        User user = signup();
        createTask(user, Map.of("title", "A", "priority", "high", "status", "in_progress"));
        createTask(user, Map.of("title", "B", "priority", "high", "status", "todo"));
        createTask(user, Map.of("title", "C", "priority", "low", "status", "in_progress"));

        assertThat(titles(list(user, "priority", "high", "status", "in_progress"))).containsExactly("A");
        assertThat(titles(list(user, "status", "todo,in_progress", "priority", "high"))).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void sortByPriorityFollowsMeaningAndByDueDatePutsUndatedLast() {
        User user = signup();
        createTask(user, Map.of("title", "medium", "priority", "medium", "due_at", "2026-12-03T09:00:00Z"));
        createTask(user, Map.of("title", "low", "priority", "low"));
        createTask(user, Map.of("title", "high", "priority", "high", "due_at", "2026-12-01T09:00:00+01:00"));
        createTask(user, Map.of("title", "high undated", "priority", "high"));

        List<String> byPriority = titles(list(user, "sort_by", "priority", "order", "desc"));
        assertThat(byPriority.subList(0, 2)).containsExactlyInAnyOrder("high", "high undated");
        assertThat(byPriority.subList(2, 4)).containsExactly("medium", "low");
        assertThat(titles(list(user, "sort_by", "priority", "order", "asc")).get(0)).isEqualTo("low");

        List<String> byDueAsc = titles(list(user, "sort_by", "due_at", "order", "asc"));
        assertThat(byDueAsc.subList(0, 2)).containsExactly("high", "medium");
        assertThat(byDueAsc.subList(2, 4)).containsExactlyInAnyOrder("low", "high undated");
        List<String> byDueDesc = titles(list(user, "sort_by", "due_at", "order", "desc"));
        assertThat(byDueDesc.subList(0, 2)).containsExactly("medium", "high");
        assertThat(byDueDesc.subList(2, 4)).containsExactlyInAnyOrder("low", "high undated");
    }

    @Test
    void combinedPriorityTagAndStatus() {
        User user = signup();
        createTask(user, Map.of("title", "match", "priority", "high", "status", "in_progress", "tags", List.of("work", "q4")));
        createTask(user, Map.of("title", "wrong tag", "priority", "high", "status", "in_progress", "tags", List.of("home")));
        createTask(user, Map.of("title", "wrong status", "priority", "high", "status", "done", "tags", List.of("work")));
        createTask(user, Map.of("title", "wrong priority", "priority", "medium", "status", "in_progress", "tags", List.of("work")));

        assertThat(titles(list(user, "priority", "high", "tags", "work", "status", "in_progress"))).containsExactly("match");
        assertThat(titles(list(user, "tags", "work,q4", "tag_mode", "all"))).containsExactly("match");
        assertThat(titles(list(user, "tags", "home,q4", "tag_mode", "any"))).containsExactlyInAnyOrder("match", "wrong tag");
    }

    @Test
    void tagNamesIgnoreCaseAndSurroundingSpace() {
        User user = signup();
        createTask(user, Map.of("title", "t", "tags", List.of("Work", " WORK ", "work")));
        Response tags = call("GET", "/api/v1/tags", user, null);
        assertThat(tags.items()).extracting(t -> t.get("name")).containsExactly("work");
        assertThat(titles(list(user, "tags", "WoRk"))).containsExactly("t");

        Response duplicate = call("POST", "/api/v1/tags", user, Map.of("name", " Work"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json()).containsEntry("code", "tag_exists");
    }

    @Test
    void anEmptyResultIsAnEmptyList() {
        User user = signup();
        Response page = list(user, "priority", "high", "search", "nothing-like-this");
        assertThat(page.items()).isEmpty();
        assertThat(page.json()).containsKey("next_cursor");
        assertThat(page.json().get("next_cursor")).isNull();
    }

    @Test
    void completedThisWeekThroughCompletedRange() {
        User user = signup();
        String id = createTask(user, Map.of("title", "done this week")).id();
        createTask(user, Map.of("title", "still open"));
        assertThat(call("POST", "/api/v1/tasks/" + id + "/complete", user, null).json()).containsEntry("status", "done");

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        java.time.LocalDate monday = today.with(java.time.DayOfWeek.MONDAY);
        Response week = list(user, "completed_from", monday.toString(), "completed_to", monday.plusDays(6).toString());
        assertThat(titles(week)).containsExactly("done this week");
        Response lastWeek = list(user, "completed_from", monday.minusDays(7).toString(), "completed_to", monday.minusDays(1).toString());
        assertThat(lastWeek.items()).isEmpty();
    }
}
