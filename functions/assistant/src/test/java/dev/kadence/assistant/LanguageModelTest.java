package dev.kadence.assistant;

import dev.kadence.core.logging.KadenceLogs;
import dev.kadence.core.logging.LogEvent;
import dev.kadence.testing.ApiAnswer;
import dev.kadence.testkit.RecordingServer;
import dev.kadence.testkit.RecordingServer.Answer;
import dev.kadence.testkit.RecordingServer.Request;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assistant with a language model: a stand-in that speaks the OpenAI chat-completions wire format answers as a
 * model would (a tool call, an error, nothing in time, a call that is wrong), and the assistant function acts on it
 * through the MCP tools — or lets the rules answer.
 */
@MicronautTest(transactional = false)
class LanguageModelTest extends AssistantTest {
    private static final String KEY = "sk-test-4f9a1c0e77d2b5aa";
    private static final List<String> TOOLS = List.of("add_task", "update_task", "complete_task", "reopen_task", "delete_task",
        "find_tasks", "stop_series", "add_reminder", "cancel_reminder", "list_reminders", "parse_quick_add");
    private volatile Function<Request, Answer> model = r -> Answer.of(500);
    private final RecordingServer fake = RecordingServer.start(r -> model.apply(r));

    @Inject
    ModelSettings settings;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("kadence.llm.url", fake.url() + "/v1");
        properties.put("kadence.llm.model", "test-model");
        properties.put("kadence.llm.key", KEY);
        properties.put("kadence.llm.timeout", "2s");
        properties.put("kadence.llm.turns-per-hour", "3");
        return properties;
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    @Test
    void aToolCallMakesTheTaskTheRulesMakeOfTheSameSentence() {
        UUID user = fixtures.user("Europe/Berlin");
        String sentence = "Add team report every Friday at 2pm";

        model = r -> toolCall("add_task", "{\"title\": \"Team report\", \"repeat\": \"every Friday at 2pm\"}");
        ApiAnswer byModel = say(user, sentence);
        model = r -> Answer.of(503);
        ApiAnswer byRules = say(user, sentence);

        assertThat(byModel.json()).as(byModel.body()).containsEntry("engine", "llm").containsEntry("needs_clarification", false)
            .containsEntry("reply", "I've set up a recurring task 'Team report' every Friday at 14:00, Europe/Berlin.");
        assertThat(byRules.json()).as(byRules.body()).containsEntry("engine", "rules");
        assertThat(actions(byModel)).containsExactly("task.created");
        assertThat(created(byModel)).isEqualTo(created(byRules));
        assertThat(fixtures.count("select count(*) from tasks where user_id = ? and title = 'Team report' and series_id is not null",
            user)).isEqualTo(2);
    }

    @Test
    void theModelIsAskedWithTheModelTheToolsAndTheKey() {
        UUID user = fixtures.user("Europe/Berlin");
        int before = fake.requests().size();
        model = r -> toolCall("add_task", "{\"title\": \"Water the plants\"}");

        assertThat(say(user, "water the plants").json()).containsEntry("engine", "llm");

        Request asked = fake.requests().get(before);
        assertThat(asked.method()).isEqualTo("POST");
        assertThat(asked.path()).isEqualTo("/v1/chat/completions");
        assertThat(asked.header("Authorization")).isEqualTo("Bearer " + KEY);
        Map<String, Object> body = read(asked.body());
        assertThat(body).containsEntry("model", "test-model").containsEntry("tool_choice", "auto");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tools = (List<Map<String, Object>>) body.get("tools");
        assertThat(tools).allSatisfy(t -> assertThat(t).containsEntry("type", "function"));
        assertThat(tools.stream().map(t -> ((Map<?, ?>) t.get("function")).get("name")).toList()).isEqualTo(TOOLS);
        assertThat(((Map<?, ?>) tools.get(0).get("function")).get("parameters").toString()).contains("required=[title]");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) body.get("messages");
        assertThat(messages.getLast()).containsEntry("role", "user").containsEntry("content", "water the plants");
    }

    @Test
    void theModelReadsASentenceAfterWhatWasSaidBeforeInTheConversation() {
        UUID user = fixtures.user("Europe/Berlin");
        model = r -> toolCall("add_task", "{\"title\": \"Water the plants\"}");
        ApiAnswer first = say(user, "water the plants");
        String conversation = (String) first.json().get("conversation_id");
        String task = (String) ((Map<?, ?>) ((List<?>) first.json().get("actions")).get(0)).get("task_id");
        int before = fake.requests().size();
        model = r -> toolCall("update_task", "{\"task_id\": \"" + task + "\", \"priority\": \"high\"}");

        ApiAnswer second = say(user, Map.of("text", "make it high priority", "conversation_id", conversation));

        assertThat(second.json()).as(second.body()).containsEntry("engine", "llm");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) read(fake.requests().get(before).body()).get("messages");
        assertThat(messages).extracting(m -> m.get("role")).containsExactly("system", "user", "assistant", "user");
        assertThat(messages.get(0).get("content").toString()).contains("'Water the plants' (task_id " + task + ")");
        assertThat(messages.subList(1, 4)).extracting(m -> m.get("content"))
            .containsExactly("water the plants", "I've added 'Water the plants'.", "make it high priority");
        assertThat(((Map<?, ?>) ((Map<?, ?>) ((List<?>) second.json().get("actions")).get(0)).get("task")).get("priority"))
            .isEqualTo("high");
    }

    @Test
    void aWrongToolCallLetsTheRulesAnswerAndStoresNothingOfIt() {
        List<String> wrong = List.of(
            toolCall("make_coffee", "{}").body(),
            toolCall("add_task", "{\"title\": \"Buy milk\"").body(),
            toolCall("add_task", "{\"title\": 5}").body(),
            toolCall("add_task", "{\"title\": \"Buy milk\", \"colour\": \"red\"}").body(),
            toolCall("add_task", "{\"title\": \"Buy milk\", \"due\": \"when pigs fly\"}").body(),
            completion("{\"role\": \"assistant\", \"content\": \"Sure, I can help with that!\"}"),
            "{\"choices\": []}",
            "not json at all");
        for (String answer : wrong) {
            UUID user = fixtures.user("Europe/Berlin");
            int before = fake.requests().size();
            model = r -> new Answer(200, answer);

            ApiAnswer said = say(user, "add buy milk");

            assertThat(said.json()).as(answer).containsEntry("engine", "rules").containsEntry("reply", "I've added 'Buy milk'.");
            assertThat(fake.requests()).as(answer).hasSize(before + 1);
            assertThat(fixtures.count("select count(*) from tasks where user_id = ?", user)).as(answer).isEqualTo(1);
        }
    }

    @Test
    void noAnswerInTimeLetsTheRulesAnswer() {
        UUID user = fixtures.user("Europe/Berlin");
        int before = fake.requests().size();
        CountDownLatch released = new CountDownLatch(1);
        model = r -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return toolCall("add_task", "{\"title\": \"Too late\"}");
        };
        try {
            ApiAnswer said = say(user, "add buy milk");

            assertThat(said.json()).as(said.body()).containsEntry("engine", "rules").containsEntry("reply", "I've added 'Buy milk'.");
            assertThat(fake.requests()).hasSize(before + 1);
        } finally {
            released.countDown();
        }
        assertThat(fixtures.count("select count(*) from tasks where user_id = ?", user)).isEqualTo(1);
    }

    @Test
    void aUsersTurnsOfTheHourAreLimitedThenTheRulesAnswer() {
        UUID user = fixtures.user("Europe/Berlin");
        UUID other = fixtures.user("Europe/Berlin");
        int before = fake.requests().size();
        model = r -> toolCall("add_task", "{\"title\": \"By the model\"}");

        List<Object> engines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            engines.add(say(user, "add buy milk").json().get("engine"));
        }

        assertThat(engines).containsExactly("llm", "llm", "llm", "rules");
        assertThat(fake.requests()).hasSize(before + 3);
        assertThat(say(other, "add buy milk").json()).containsEntry("engine", "llm");
    }

    @Test
    void whatTheModelFindsGoesBackToItAndItsWordsAreTheReply() {
        UUID user = fixtures.user("Europe/Berlin");
        fixtures.task(user, "{\"title\": \"Call the bank\", \"priority\": \"high\"}");
        model = r -> r.body().contains("\"role\":\"tool\"")
            ? new Answer(200, completion("{\"role\": \"assistant\", \"content\": \"You have one high-priority task: Call the bank.\"}"))
            : toolCall("find_tasks", "{\"priority\": [\"high\"]}");

        ApiAnswer said = say(user, "what's important?");

        assertThat(said.json()).as(said.body()).containsEntry("engine", "llm")
            .containsEntry("reply", "You have one high-priority task: Call the bank.");
        assertThat(actions(said)).containsExactly("tasks.listed");
        assertThat(said.json().get("tasks").toString()).contains("Call the bank");
        Request second = fake.requests().getLast();
        assertThat(second.body()).contains("\"tool_call_id\":\"call_1\"").contains("Call the bank");
    }

    @Test
    void aChangeAfterAReadEndsTheTurnAndTheReplySaysWhatWasDone() {
        UUID user = fixtures.user("Europe/Berlin");
        UUID task = fixtures.task(user, "{\"title\": \"Submit the expense report\"}").id();
        int before = fake.requests().size();
        model = r -> r.body().contains("\"role\":\"tool\"")
            ? toolCall("complete_task", "{\"task_id\": \"" + task + "\"}")
            : toolCall("find_tasks", "{\"search\": \"expense\"}");

        ApiAnswer said = say(user, "I sent off the expense report");

        assertThat(said.json()).as(said.body()).containsEntry("engine", "llm")
            .containsEntry("reply", "Done: 'Submit the expense report' is complete.");
        assertThat(actions(said)).containsExactly("task.completed");
        assertThat(fake.requests()).hasSize(before + 2);
        assertThat(fixtures.count("select count(*) from tasks where id = ? and status = 'done'", task)).isEqualTo(1);
    }

    @Test
    void theKeyIsNeverLogged() throws Exception {
        List<LogEvent> logged = new CopyOnWriteArrayList<>();
        try (AutoCloseable listening = KadenceLogs.listen(logged::add)) {
            model = r -> new Answer(401, "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + "\"}}");
            assertThat(say(fixtures.user("Europe/Berlin"), "add buy milk").json()).containsEntry("engine", "rules");
            model = r -> new Answer(200, "{\"echo\": \"" + KEY + "\"}");
            assertThat(say(fixtures.user("Europe/Berlin"), "add buy milk").json()).containsEntry("engine", "rules");
            model = r -> toolCall("add_task", "{\"title\": \"Call " + KEY + "\", \"priority\": \"urgent\"}");
            assertThat(say(fixtures.user("Europe/Berlin"), "add buy milk").json()).containsEntry("engine", "rules");
        }

        assertThat(logged).extracting(LogEvent::message).anySatisfy(m -> assertThat(m).contains("status 401"));
        assertThat(logged).allSatisfy(e -> assertThat(e.message() + e.mdc() + e.error()).doesNotContain(KEY));
        assertThat(settings.toString()).doesNotContain(KEY).contains("test-model");
    }

    private ApiAnswer say(UUID user, String text) {
        return say(user, Map.of("text", text));
    }

    /** A chat completion whose message is one call of {@code tool} with {@code arguments} (JSON text, as the wire has it). */
    private Answer toolCall(String tool, String arguments) {
        try {
            return new Answer(200, completion("{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"call_1\", "
                + "\"type\": \"function\", \"function\": {\"name\": \"" + tool + "\", \"arguments\": "
                + json.writeValueAsString(arguments) + "}}]}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String completion(String message) {
        return "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"model\": \"test-model\", \"choices\": [{\"index\": 0, "
            + "\"message\": " + message + ", \"finish_reason\": \"stop\"}]}";
    }

    private Map<String, Object> read(String body) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(body, Map.class);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The created task's title, due time and repeat (rule and zone). */
    @SuppressWarnings("unchecked")
    private static List<Object> created(ApiAnswer answer) {
        Map<String, Object> task = (Map<String, Object>) ((List<Map<String, Object>>) answer.json().get("actions")).get(0).get("task");
        Map<String, Object> recurrence = (Map<String, Object>) task.get("recurrence");
        return List.of(task.get("title"), task.get("due_at"), recurrence.get("rule"), recurrence.get("timezone"));
    }
}
