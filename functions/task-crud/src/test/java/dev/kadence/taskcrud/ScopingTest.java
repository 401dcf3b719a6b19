package dev.kadence.taskcrud;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint is scoped to the signed-in user: another user's things are a 404 and never leak. */
@MicronautTest(transactional = false)
class ScopingTest extends ApiTest {

    @Test
    void anotherUsersTaskTagAndReminderAreNotFound() {
        User alice = signup();
        User bob = signup();
        String task = createTask(alice, Map.of("title", "alice's secret", "tags", List.of("private"),
            "reminders", List.of(Map.of("at", "2030-01-01T09:00:00Z")))).id();
        String tag = (String) call("GET", "/api/v1/tags", alice, null).items().get(0).get("id");
        String reminder = (String) call("GET", "/api/v1/reminders", alice, null).items().get(0).get("id");

        for (String[] request : List.of(
            new String[] {"GET", "/api/v1/tasks/" + task}, new String[] {"DELETE", "/api/v1/tasks/" + task},
            new String[] {"POST", "/api/v1/tasks/" + task + "/complete"}, new String[] {"POST", "/api/v1/tasks/" + task + "/reopen"},
            new String[] {"DELETE", "/api/v1/tasks/" + task + "/recurrence"}, new String[] {"POST", "/api/v1/tasks/" + task + "/restore"},
            new String[] {"DELETE", "/api/v1/tags/" + tag},
            new String[] {"DELETE", "/api/v1/reminders/" + reminder})) {
            Response r = call(request[0], request[1], bob, null);
            assertThat(r.status()).as(request[0] + " " + request[1]).isEqualTo(404);
            assertThat(r.body()).doesNotContain("alice");
        }
        assertThat(call("PATCH", "/api/v1/tasks/" + task, bob, Map.of("title", "mine now")).status()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/tasks/" + task, bob, Map.of("title", "mine now")).status()).isEqualTo(404);
        assertThat(call("PATCH", "/api/v1/tags/" + tag, bob, Map.of("name", "mine")).status()).isEqualTo(404);

        assertThat(list(bob).items()).isEmpty();
        assertThat(list(bob, "search", "secret").items()).isEmpty();
        assertThat(call("GET", "/api/v1/tags", bob, null).items()).isEmpty();
        assertThat(call("GET", "/api/v1/reminders", bob, null).items()).isEmpty();

        Response untouched = call("GET", "/api/v1/tasks/" + task, alice, null);
        assertThat(untouched.json()).containsEntry("title", "alice's secret").containsEntry("status", "todo");
        assertThat((List<?>) untouched.json().get("reminders")).hasSize(1);
    }

    @Test
    void signupLoginAndProfile() {
        User user = signup();
        Response login = call("POST", "/api/v1/auth/login", null, Map.of("email", user.email().toUpperCase(), "password", "correct horse battery"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json()).containsKeys("token", "expires_at");
        User again = new User(user.id(), user.email(), (String) login.json().get("token"));

        Response me = call("GET", "/api/v1/me", again, null);
        assertThat(me.json()).containsEntry("email", user.email()).containsEntry("timezone", "Europe/Berlin")
            .doesNotContainKey("password_hash");
        assertThat(call("PATCH", "/api/v1/me", again, Map.of("timezone", "America/New_York")).json())
            .containsEntry("timezone", "America/New_York");
        assertThat(call("GET", "/api/v1/me", user, null).json()).containsEntry("timezone", "America/New_York");

        assertThat(me.json()).containsEntry("locale", "en-GB");
        assertThat(call("PATCH", "/api/v1/me", user, Map.of("locale", "en-us")).json())
            .containsEntry("locale", "en-US").containsEntry("timezone", "America/New_York");
        assertThat(call("GET", "/api/v1/me", user, null).json()).containsEntry("locale", "en-US");
        Response signedUp = call("POST", "/api/v1/auth/signup", null, Map.of("email", "de-" + user.email(),
            "password", "correct horse battery", "locale", "de-DE"));
        assertThat(signedUp.json().get("user")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("locale", "de-DE");
    }

    @Test
    void recurrenceDefaultsToTheUsersZoneAndCanBeStopped() {
        User user = signup();
        Response created = createTask(user, Map.of("title", "Weekly report", "due_at", "2026-12-04T14:00:00+01:00",
            "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=FR")));
        @SuppressWarnings("unchecked")
        Map<String, Object> recurrence = (Map<String, Object>) created.json().get("recurrence");
        assertThat(recurrence).containsEntry("rule", "FREQ=WEEKLY;BYDAY=FR").containsEntry("timezone", "Europe/Berlin")
            .containsEntry("mode", "schedule").containsEntry("status", "active").containsEntry("missed_count", 0);

        Response stopped = call("DELETE", "/api/v1/tasks/" + created.id() + "/recurrence", user, null);
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().get("recurrence")).isNull();
        assertThat(stopped.json()).containsEntry("title", "Weekly report");
        assertThat(count("select count(*) from series where user_id = ? and status = 'stopped'", user.id())).isEqualTo(1);
        assertThat(call("DELETE", "/api/v1/tasks/" + created.id() + "/recurrence", user, null).status()).isEqualTo(400);
    }

    @Test
    void deletingATagRemovesItFromTasks() {
        User user = signup();
        String id = createTask(user, Map.of("title", "t", "tags", List.of("a", "b"))).id();
        String tagA = (String) call("GET", "/api/v1/tags", user, null).items().stream()
            .filter(t -> t.get("name").equals("a")).findFirst().orElseThrow().get("id");
        assertThat(call("DELETE", "/api/v1/tags/" + tagA, user, null).status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/tasks/" + id, user, null).json().get("tags")).isEqualTo(List.of("b"));
        assertThat(list(user, "tags", "a").items()).isEmpty();
    }
}
