package dev.kadence.taskcrud;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kadence.taskcrud.BadInputTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** What the API shows of a series: the rule in words, the next due times, the missed count, and its history. */
@MicronautTest(transactional = false)
class RecurrenceApiTest extends ApiTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> recurrence(Response task) {
        return (Map<String, Object>) task.json().get("recurrence");
    }

    @Test
    void aRecurringTaskShowsItsRuleInWordsItsNextFiveDueTimesAndItsMissedCount() {
        User user = signup();      // Europe/Berlin
        Response created = createTask(user, Map.of("title", "Weekly report", "due_at", "2030-01-04T14:00:00+01:00",
            "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=FR")));

        Map<String, Object> recurrence = recurrence(call("GET", "/api/v1/tasks/" + created.id(), user, null));

        assertThat(recurrence).containsEntry("rule", "FREQ=WEEKLY;BYDAY=FR").containsEntry("timezone", "Europe/Berlin")
            .containsEntry("mode", "schedule").containsEntry("status", "active").containsEntry("instance", 1)
            .containsEntry("missed_count", 0).containsEntry("summary", "every Friday at 14:00, Europe/Berlin");
        assertThat((List<String>) recurrence.get("next_occurrences")).containsExactly("2030-01-04T13:00:00Z",
            "2030-01-11T13:00:00Z", "2030-01-18T13:00:00Z", "2030-01-25T13:00:00Z", "2030-02-01T13:00:00Z");
    }

    @Test
    void theSeriesHistoryListsWhatHappenedNewestFirstInPages() {
        User user = signup();
        Response created = createTask(user, Map.of("title", "Standup", "due_at", "2030-01-07T09:00:00+01:00",
            "recurrence", Map.of("rule", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR")));
        String series = (String) recurrence(created).get("series_id");
        assertThat(call("DELETE", "/api/v1/tasks/" + created.id() + "/recurrence", user, null).status()).isEqualTo(200);

        Response first = call("GET", "/api/v1/series/" + series + "/history?limit=1", user, null);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json()).containsEntry("series_id", series).containsEntry("status", "stopped")
            .containsEntry("summary", "every weekday at 09:00, Europe/Berlin");
        assertThat(first.items()).singleElement().satisfies(e -> assertThat(e).containsEntry("kind", "stopped")
            .containsEntry("task_id", created.id()).containsEntry("occurrence_at", null).containsKey("recorded_at"));
        Response second = call("GET", "/api/v1/series/" + series + "/history?limit=1&cursor=" + first.json().get("next_cursor"), user, null);
        assertThat(second.items()).singleElement().satisfies(e -> assertThat(e).containsEntry("kind", "created")
            .containsEntry("occurrence_at", "2030-01-07T08:00:00Z"));
        assertThat(second.json().get("next_cursor")).isNull();
    }

    @Test
    void anotherUsersSeriesIsNotFoundAndBadPagingIsA400() {
        User alice = signup();
        User bob = signup();
        String series = (String) recurrence(createTask(alice, Map.of("title", "Gym", "due_at", "2030-01-07T18:00:00Z",
            "recurrence", Map.of("rule", "FREQ=WEEKLY")))).get("series_id");

        Response foreign = call("GET", "/api/v1/series/" + series + "/history", bob, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(call("GET", "/api/v1/series/not-a-uuid/history", alice, null).status()).isEqualTo(404);
        Response bad = call("GET", "/api/v1/series/" + series + "/history?limit=0&cursor=x", alice, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors()).extracting(e -> e.get("field")).containsExactlyInAnyOrder("limit", "cursor");
    }

    @Test
    void aPreviewShowsWhatARuleWillDoBeforeItIsSavedAndStoresNothing() {
        User user = signup();      // Europe/Berlin
        long tasksBefore = countTasks(user);

        Response preview = call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=MONTHLY;BYDAY=-1FR",
            "due_at", "2030-01-25T09:00:00+01:00", "mode", "schedule"));

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json()).containsEntry("timezone", "Europe/Berlin").containsEntry("mode", "schedule")
            .containsEntry("summary", "on the last Friday of every month at 09:00, Europe/Berlin");
        assertThat((List<String>) preview.json().get("next_occurrences")).containsExactly("2030-01-25T08:00:00Z",
            "2030-02-22T08:00:00Z", "2030-03-29T08:00:00Z", "2030-04-26T07:00:00Z", "2030-05-31T07:00:00Z");
        assertThat(countTasks(user)).isEqualTo(tasksBefore);
    }

    @Test
    void aPreviewOfABadRuleNamesTheFieldsATasksBodyWouldName() {
        User user = signup();

        Response never = call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "due_at", "2030-01-25T09:00:00+01:00"));
        Response missing = call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=SOMETIMES", "mode", "often"));

        assertThat(never.status()).isEqualTo(400);
        assertThat(never.errors()).extracting(e -> e.get("field"), e -> e.get("code"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("recurrence.rule", "never_occurs"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errors()).extracting(e -> e.get("field"))
            .containsExactlyInAnyOrder("recurrence.rule", "recurrence.mode", "due_at");
        assertThat(call("POST", "/api/v1/recurrence/preview", null, Map.of("rule", "FREQ=DAILY")).status()).isEqualTo(401);
    }

    /**
     * Rules written straight into the database, around the API's limits (docs/recurrence.md#limits), as a rule stored
     * before a limit existed would be: each would cost a core for a minute or seconds if evaluated, or could not be
     * read at all. The series is not evaluated: it shows why, and no due time after its start.
     */
    @Test
    void aSeriesWhoseStoredRuleBreaksTheLimitsIsReadListedAndEditedWithoutEvaluatingIt() {
        User user = signup();      // Europe/Berlin
        Map<String, String> rules = new java.util.LinkedHashMap<>();
        rules.put("FREQ=DAILY;INTERVAL=2147483647", "interval_too_large");
        rules.put("FREQ=YEARLY;BYYEARDAY=" + BadInputTest.numbers(1, 366) + ";BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS=2", "rule_too_complex");
        rules.put("FREQ=YEARLY;BYYEARDAY=" + BadInputTest.numbers(1, 366) + ";BYHOUR=" + BadInputTest.numbers(0, 23)
            + ";BYMINUTE=" + BadInputTest.numbers(0, 59), "rule_too_complex");
        rules.put("FREQ=HOURLY;BYWEEKNO=53", "invalid_rule");
        rules.put("FREQ=MONTHLY;BYMONTHDAY=" + "1,".repeat(100_000) + "1", "too_long");
        Map<String, String> tasks = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            String task = createTask(user, Map.of("title", rule.getValue(), "due_at", "2030-01-04T14:00:00+01:00")).id();
            String series = storeSeries(user, task, rule.getKey(), "2030-01-04T13:00:00Z");
            tasks.put(task, series);

            Response read = call("GET", "/api/v1/tasks/" + task, user, null);

            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(recurrence(read)).containsEntry("series_id", series).containsEntry("status", "active")
                .containsEntry("next_occurrences", List.of("2030-01-04T13:00:00Z"));
            assertThat((String) recurrence(read).get("summary")).endsWith(", from 2030-01-04 14:00, Europe/Berlin, not evaluated: " + rule.getValue());
            Response history = call("GET", "/api/v1/series/" + series + "/history", user, null);
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat((String) history.json().get("summary")).endsWith("not evaluated: " + rule.getValue());
        }

        Response page = list(user, "limit", "200");
        assertThat(page.items()).hasSize(rules.size());
        String first = tasks.keySet().iterator().next();
        Response renamed = call("PATCH", "/api/v1/tasks/" + first, user, Map.of("title", "renamed"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(recurrence(renamed)).containsEntry("rule", "FREQ=DAILY;INTERVAL=2147483647");
        assertProblem(call("PATCH", "/api/v1/tasks/" + first, user, Map.of("recurrence", Map.of("rule", "FREQ=DAILY;INTERVAL=2147483647"))),
            400, "interval_too_large", "recurrence.rule");
        Response fixed = call("PATCH", "/api/v1/tasks/" + first, user, Map.of("recurrence", Map.of("rule", "FREQ=DAILY;INTERVAL=2")));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat((List<?>) recurrence(fixed).get("next_occurrences")).hasSize(5);
    }

    /** A COUNT rule stored around the API that cannot be counted to now within the budget: no due time is shown. */
    @Test
    void aStoredRuleThatNeedsMoreThanTheBudgetShowsNoNextDueTimes() {
        User user = signup();
        String task = createTask(user, Map.of("title", "Every morning, once", "due_at", "2020-01-01T09:00:00+01:00")).id();
        storeSeries(user, task, "FREQ=HOURLY;BYHOUR=9;COUNT=5000", "2020-01-01T08:00:00Z");

        Response read = call("GET", "/api/v1/tasks/" + task, user, null);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(recurrence(read)).containsEntry("next_occurrences", List.of()).containsEntry("status", "active");
        assertProblem(call("POST", "/api/v1/recurrence/preview", user, Map.of("rule", "FREQ=HOURLY;BYHOUR=9;COUNT=5000",
            "due_at", "2020-01-01T09:00:00+01:00")), 400, "rule_too_complex", "recurrence.rule");
    }

    /** Inserts a series with {@code rule} by SQL, bypassing validation, and makes {@code task} its first instance. */
    private String storeSeries(User user, String task, String rule, String start) {
        UUID series = UUID.randomUUID();
        tx.executeWrite(status -> {
            sql.update("""
                insert into series (id, user_id, rule, timezone, mode, start_at, status, created_at, updated_at)
                values (?, ?, ?, 'Europe/Berlin', 'schedule', ?, 'active', now(), now())""",
                List.of(series, user.id(), rule, java.time.Instant.parse(start)));
            sql.update("update tasks set series_id = ?, series_instance = 1 where id = ?", List.of(series, UUID.fromString(task)));
            return null;
        });
        return series.toString();
    }

    private long countTasks(User user) {
        return ((List<?>) call("GET", "/api/v1/tasks?limit=200", user, null).json().get("items")).size();
    }
}
