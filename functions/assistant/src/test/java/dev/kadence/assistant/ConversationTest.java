package dev.kadence.assistant;

import dev.kadence.testing.ApiAnswer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assistant over HTTP: a sentence acts and answers, and the API shows the result; conversations are the user's
 * own (another's is a 404); bad bodies are problem+json and store nothing.
 */
@MicronautTest(transactional = false)
class ConversationTest extends AssistantTest {

    @Test
    void aSentenceActsAndTheTaskListShowsIt() {
        UUID user = fixtures.user("Europe/Berlin");

        ApiAnswer said = say(user, Map.of("text", "Every Monday at 9 AM add a standup task"));

        assertThat(said.status()).as(said.body()).isEqualTo(200);
        assertThat(said.json()).containsEntry("reply", "I've set up a recurring task 'Standup' every Monday at 09:00, Europe/Berlin.")
            .containsEntry("needs_clarification", false).containsEntry("engine", "rules").containsKey("conversation_id");
        assertThat(actions(said)).containsExactly("task.created");
        assertThat(fixtures.count("select count(*) from tasks where user_id = ? and title = 'Standup' and series_id is not null", user))
            .isEqualTo(1);
    }

    @Test
    void aConversationKeepsItsTurnsAndIsTheUsersOwn() {
        UUID user = fixtures.user("Europe/Berlin");
        ApiAnswer first = say(user, Map.of("text", "add water the plants"));
        String conversation = (String) first.json().get("conversation_id");
        ApiAnswer second = say(user, Map.of("text", "make it high priority", "conversation_id", conversation));
        assertThat(actions(second)).containsExactly("task.updated");

        ApiAnswer shown = send("GET", "/api/v1/assistant/conversations/" + conversation, token(user), null);
        assertThat(shown.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) shown.json().get("messages");
        assertThat(messages).extracting(m -> m.get("role") + ": " + m.get("text")).containsExactly(
            "user: add water the plants", "assistant: I've added 'Water the plants'.",
            "user: make it high priority", "assistant: 'Water the plants' is now high priority.");
        ApiAnswer listed = send("GET", "/api/v1/assistant/conversations", token(user), null);
        assertThat(listed.json().get("items").toString()).contains(conversation).contains("add water the plants");

        UUID stranger = fixtures.user("Europe/Berlin");
        assertProblem(send("GET", "/api/v1/assistant/conversations/" + conversation, token(stranger), null), 404, "not_found", null, null);
        assertProblem(say(stranger, Map.of("text", "complete it", "conversation_id", conversation)), 404, "not_found", null, null);
        assertThat(send("GET", "/api/v1/assistant/conversations", token(stranger), null).json().get("items")).isEqualTo(List.of());
    }

    @Test
    void badBodiesAreProblemsAndStoreNothing() {
        UUID user = fixtures.user("Europe/Berlin");
        assertProblem(say(null, Map.of("text", "add milk")), 401, "unauthenticated", null, null);
        assertProblem(say(user, Map.of()), 400, "validation_failed", "text", "required");
        assertProblem(say(user, Map.of("text", "   ")), 400, "validation_failed", "text", "empty");
        assertProblem(say(user, Map.of("text", "x".repeat(1001))), 400, "validation_failed", "text", "too_long");
        assertProblem(say(user, Map.of("text", "add\u0000milk")), 400, "validation_failed", "text", "invalid_character");
        assertProblem(say(user, Map.of("text", "add milk", "conversation_id", "nope")), 400, "validation_failed", "conversation_id", "invalid_id");
        assertProblem(say(user, Map.of("text", "add milk", "conversation_id", UUID.randomUUID().toString())), 404, "not_found", null, null);
        assertProblem(send("GET", "/api/v1/assistant/conversations?limit=0", token(user), null), 400, "validation_failed", "limit", "invalid_limit");
        assertProblem(send("GET", "/api/v1/assistant/conversations?cursor=x", token(user), null), 400, "validation_failed", "cursor", "invalid_cursor");
        assertThat(fixtures.count("select count(*) from tasks where user_id = ?", user)).isZero();
        assertThat(fixtures.count("select count(*) from assistant_conversations where user_id = ?", user)).isZero();
    }
}
