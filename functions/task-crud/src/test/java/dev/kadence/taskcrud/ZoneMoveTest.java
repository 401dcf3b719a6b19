package dev.kadence.taskcrud;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kadence.taskcrud.BadInputTest.assertProblem;
import static dev.kadence.taskcrud.RecurrenceApiTest.recurrence;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code PATCH /me {timezone, move_series: true}}: the repeating tasks in the old zone keep their wall time in the new one. */
@MicronautTest(transactional = false)
class ZoneMoveTest extends ApiTest {

    @Test
    void movingTheZoneMovesTheOpenSeriesOfTheOldZoneAtTheSameWallTime() {
        User user = signup();      // Europe/Berlin
        Response weekly = createTask(user, Map.of("title", "Standup", "due_at", "2030-01-07T09:00:00+01:00",
            "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=MO"), "reminders", List.of(Map.of("before_due", "PT10M"))));
        Response tokyo = createTask(user, Map.of("title", "Call Tokyo", "due_at", "2030-01-07T09:00:00+09:00",
            "recurrence", Map.of("rule", "FREQ=DAILY", "timezone", "Asia/Tokyo")));
        Response plain = createTask(user, Map.of("title", "One-off", "due_at", "2030-01-07T09:00:00+01:00"));
        assertThat(call("GET", "/api/v1/me/series-in-zone", user, null).json())
            .containsEntry("timezone", "Europe/Berlin").containsEntry("count", 1);

        Response moved = call("PATCH", "/api/v1/me", user, Map.of("timezone", "America/New_York", "move_series", true));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json()).containsEntry("timezone", "America/New_York");
        Response after = call("GET", "/api/v1/tasks/" + weekly.id(), user, null);
        assertThat(after.json()).containsEntry("due_at", "2030-01-07T14:00:00Z");       // Monday 09:00 in New York
        assertThat(recurrence(after)).containsEntry("timezone", "America/New_York")
            .containsEntry("summary", "every Monday at 09:00, America/New_York");
        assertThat(after.json().get("reminders")).asString().contains("2030-01-07T13:50:00Z");
        assertThat(recurrence(call("GET", "/api/v1/tasks/" + tokyo.id(), user, null))).containsEntry("timezone", "Asia/Tokyo");
        assertThat(call("GET", "/api/v1/tasks/" + plain.id(), user, null).json()).containsEntry("due_at", "2030-01-07T08:00:00Z");
        assertThat(call("GET", "/api/v1/me/series-in-zone", user, null).json()).containsEntry("count", 1);
    }

    @Test
    void withoutMoveSeriesOnlyTheAccountChangesAndAnotherUsersSeriesNeverMoves() {
        User alice = signup();
        User bob = signup();
        Response mine = createTask(alice, Map.of("title", "Gym", "due_at", "2030-01-07T18:00:00+01:00",
            "recurrence", Map.of("rule", "FREQ=WEEKLY")));
        Response bobs = createTask(bob, Map.of("title", "Gym", "due_at", "2030-01-07T18:00:00+01:00",
            "recurrence", Map.of("rule", "FREQ=WEEKLY")));

        assertThat(call("PATCH", "/api/v1/me", alice, Map.of("timezone", "Europe/Lisbon")).status()).isEqualTo(200);
        assertThat(recurrence(call("GET", "/api/v1/tasks/" + mine.id(), alice, null))).containsEntry("timezone", "Europe/Berlin");

        assertThat(call("PATCH", "/api/v1/me", alice, Map.of("timezone", "Europe/Berlin")).status()).isEqualTo(200);
        assertThat(call("PATCH", "/api/v1/me", alice, Map.of("timezone", "Europe/Lisbon", "move_series", true)).status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/tasks/" + mine.id(), alice, null).json()).containsEntry("due_at", "2030-01-07T18:00:00Z");
        assertThat(call("GET", "/api/v1/tasks/" + bobs.id(), bob, null).json()).containsEntry("due_at", "2030-01-07T17:00:00Z");
        assertThat(recurrence(call("GET", "/api/v1/tasks/" + bobs.id(), bob, null))).containsEntry("timezone", "Europe/Berlin");
    }

    @Test
    void aMoveSeriesThatIsNotABooleanIsRefusedAndNothingChanges() {
        User user = signup();
        Response bad = call("PATCH", "/api/v1/me", user, Map.of("timezone", "Europe/Lisbon", "move_series", "yes"));
        assertProblem(bad, 400, "not_a_boolean", "move_series");
        assertThat(call("GET", "/api/v1/me", user, null).json()).containsEntry("timezone", "Europe/Berlin");
    }
}
