package dev.kadence.assistant;

import dev.kadence.core.task.TaskView;
import dev.kadence.testing.TestClock;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quick add as a client uses it: a line read in the user's zone and locale into a {@code POST /tasks} body and its
 * spans, and that body taken as it is by the same service as {@code POST /tasks}. Now is Wednesday 9 December 2026,
 * 10:00 in Berlin.
 */
@MicronautTest(transactional = false)
class QuickAddTest extends AssistantTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-09T09:00:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void aRecurringLineIsReadIntoARuleInTheUsersZoneWithItsPriorityTagAndSpans() {
        UUID user = fixtures.user("Europe/Berlin");
        String text = "Pay rent every month on the 1st p1 #home";

        Response r = parse(user, Map.of("text", text));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(task(r)).isEqualTo(Map.of("title", "Pay rent", "priority", "high", "tags", List.of("home"),
            "due_at", "2027-01-01T23:59:00+01:00", "reminders", List.of(),
            "recurrence", Map.of("rule", "FREQ=MONTHLY;BYMONTHDAY=1", "timezone", "Europe/Berlin", "mode", "schedule")));
        assertThat(spans(r, text)).containsExactly("recurrence:every month on the 1st", "priority:p1", "tag:#home");
    }

    @Test
    void aDueTimeAndAReminderAreInTheUsersOffsetAndWhatWasNotSaidIsLeftOut() {
        UUID user = fixtures.user("Europe/Berlin");
        String text = "Call mom tomorrow at 6pm remind me 30 minutes before";

        Response r = parse(user, Map.of("text", text));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(task(r)).isEqualTo(Map.of("title", "Call mom", "tags", List.of(),
            "due_at", "2026-12-10T18:00:00+01:00", "reminders", List.of(Map.of("before_due", "PT30M"))));
        assertThat(spans(r, text)).containsExactly("due:tomorrow", "due:at 6pm", "reminder:remind me 30 minutes before");
    }

    @Test
    void aNumericDateIsReadInTheUsersLocaleAndTimesInTheirZone() {
        UUID british = fixtures.user("Europe/London", "en-GB");
        UUID american = fixtures.user("America/New_York", "en-US");

        assertThat(task(parse(british, Map.of("text", "Dentist on 04/12")))).containsEntry("due_at", "2027-12-04T23:59:00Z");
        assertThat(task(parse(american, Map.of("text", "Dentist on 04/12")))).containsEntry("due_at", "2027-04-12T23:59:00-04:00");
    }

    @Test
    void theTaskAsAnsweredIsAPostTasksBodyTheApiTakesAsItIs() {
        UUID user = fixtures.user("Europe/Berlin");
        for (String text : List.of("Pay rent every month on the 1st p1 #home",
                "Call mom tomorrow at 6pm remind me 30 minutes before", "Standup every weekday at 9:30 @work")) {
            Response r = parse(user, Map.of("text", text));
            assertThat(r.status()).as(r.body()).isEqualTo(200);

            TaskView created = fixtures.task(user, taskJson(r));

            assertThat(created.title()).as(text).isEqualTo(task(r).get("title"));
            assertThat(created.tags()).as(text).isEqualTo(task(r).get("tags"));
            assertThat(created.reminders()).as(text).hasSize(((List<?>) task(r).get("reminders")).size());
        }
        assertThat(fixtures.count("select count(*) from tasks where user_id = ? and series_id is not null", user))
            .isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> task(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (Map<String, Object>) r.json().get("task");
    }

    /** The spans as {@code kind:text}, each checked to be the part of {@code text} its positions say. */
    @SuppressWarnings("unchecked")
    private static List<String> spans(Response r, String text) {
        return ((List<Map<String, Object>>) r.json().get("recognised")).stream().map(span -> {
            String said = text.substring((Integer) span.get("start"), (Integer) span.get("end"));
            assertThat(span.get("text")).isEqualTo(said);
            return span.get("kind") + ":" + said;
        }).toList();
    }

    private String taskJson(Response r) {
        try {
            return json.writeValueAsString(json.readValue(r.body(), JsonNode.class).get("task"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
