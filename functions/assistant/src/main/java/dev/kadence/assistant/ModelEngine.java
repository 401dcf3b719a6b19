package dev.kadence.assistant;

import dev.kadence.core.error.KadenceException;
import dev.kadence.core.language.Assistant;
import dev.kadence.core.language.AssistantReply.Action;
import dev.kadence.core.language.Conversations;
import dev.kadence.core.reminder.ReminderView;
import dev.kadence.core.task.TaskListing;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.core.user.User;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The assistant's language model (DESIGN §9), asked before the rules when {@link ModelSettings} turn it on: the model
 * is offered the MCP tools ({@link McpTools#tools()}, the one list) and picks; each call it makes runs exactly as over
 * MCP. Reads (find_tasks, list_reminders, parse_quick_add) go back to the model for its next step, a few rounds at
 * most; a change ends the turn, and the reply says what was done. Anything else — no model, the user's turns of this
 * hour used up, an error, no answer in time, a tool that does not exist, arguments that are not JSON or that its schema
 * or the language refuse, no tool picked — and the engine does nothing: the rules answer.
 */
@Singleton
class ModelEngine implements Assistant.Engine {
    static final String ENGINE = "llm";
    private static final int ROUNDS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ModelEngine.class);
    private static final Map<String, String> ACTIONS = Map.of("add_task", "task.created", "update_task", "task.updated",
        "complete_task", "task.completed", "reopen_task", "task.reopened", "delete_task", "task.deleted",
        "stop_series", "series.stopped", "add_reminder", "reminder.added", "cancel_reminder", "reminder.cancelled",
        "find_tasks", "tasks.listed");
    private static final String PROMPT = McpTools.INSTRUCTIONS + """
         You are the assistant of Kadence's web app: act on what the user says with the tools, calling one when the \
        sentence asks for something a tool does; put the user's own words about time into due, repeat and reminders.""";

    private final ModelSettings settings;
    private final ChatCompletions model;
    private final ModelTurns turns;
    private final McpTools tools;
    private final Tasks tasks;

    ModelEngine(ModelSettings settings, ChatCompletions model, ModelTurns turns, McpTools tools, Tasks tasks) {
        this.settings = settings;
        this.model = model;
        this.turns = turns;
        this.tools = tools;
        this.tasks = tasks;
    }

    /** This engine when the model is configured, else null (the rules alone). */
    Assistant.Engine ifOn() {
        return settings.on() ? this : null;
    }

    /** Why the model's answer is not used. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Optional<Assistant.Done> answer(User user, Assistant.Earlier earlier, String text) {
        if (!turns.take(user.id())) {
            LOG.info("the language model's turns of user {} for this hour are used up; the rules answer", user.id());
            return Optional.empty();
        }
        Turn turn = new Turn(user);
        try {
            return turn.run(earlier, text);
        } catch (ChatCompletions.Failure | Refused e) {
            if (!turn.changed) {
                LOG.warn("the language model did not answer usefully ({}); the rules answer", e.getMessage());
                return Optional.empty();
            }
            LOG.warn("the language model did not finish ({}); the reply says what it did", e.getMessage());
            return Optional.of(turn.changes("I couldn't do all of it."));
        }
    }

    /** One turn's conversation with the model, and what its calls did. */
    private final class Turn {
        final User user;
        final List<Action> actions = new ArrayList<>();
        final List<Map<String, Object>> messages = new ArrayList<>();
        List<TaskView> found;
        boolean read;
        boolean changed;

        Turn(User user) {
            this.user = user;
        }

        Optional<Assistant.Done> run(Assistant.Earlier earlier, String text) throws ChatCompletions.Failure, Refused {
            messages.add(Map.of("role", "system", "content", PROMPT + " The user's time zone is " + user.zone() + "."
                + aboutTask(earlier.lastTaskId())));
            for (Conversations.Message m : earlier.messages()) {
                messages.add(Map.of("role", m.role(), "content", m.text()));
            }
            messages.add(Map.of("role", "user", "content", text));
            for (int round = 0; round < ROUNDS; round++) {
                JsonNode message = model.complete(messages, functions());
                JsonNode calls = message.path("tool_calls");
                if (!calls.isArray() || calls.isEmpty()) {
                    String said = message.path("content").asText("").strip();
                    if (!read || said.isEmpty()) {
                        throw new Refused(round == 0 ? "no tool picked" : "no answer after its tools");
                    }
                    return Optional.of(new Assistant.Done(ENGINE, actions, found, said));
                }
                messages.add(assistantMessage(message, calls));
                for (JsonNode call : calls) {
                    run(call);
                }
                if (changed) {
                    return Optional.of(changes(null));
                }
            }
            throw new Refused("no answer within " + ROUNDS + " rounds");
        }

        /** Which task "it" means, as the rules read it: the task the conversation's last turn was about, if it still is one. */
        private String aboutTask(UUID id) {
            TaskView task = id == null ? null : existing(id.toString());
            return task == null ? "" : " The conversation is about the task '" + task.title() + "' (task_id " + task.id()
                + "): \"it\" and \"that\" mean this task.";
        }

        /** What the turn changed (what it found on the way was the model's to read), and {@code said} after it. */
        Assistant.Done changes(String said) {
            actions.removeIf(a -> a.type().equals("tasks.listed"));
            return new Assistant.Done(ENGINE, actions, null, said);
        }

        /** Runs one tool call as MCP runs it. */
        private void run(JsonNode call) throws Refused {
            JsonNode function = call.path("function");
            String name = function.path("name").asText();
            McpTools.Tool tool = tools.tools().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new Refused("a tool that does not exist: " + name));
            Map<String, Object> arguments = arguments(function.path("arguments"));
            TaskView before = tool.name().equals("delete_task") ? existing(arguments.get("task_id")) : null;
            McpTools.Outcome outcome = tools.call(tool, user.id(), arguments);
            if (outcome.answer().isError()) {
                throw new Refused(name + " refused: " + ((Map<?, ?>) outcome.answer().structuredContent()).get("detail"));
            }
            record(tool.name(), outcome.result(), before);
            String id = call.path("id").asText(name);
            messages.add(Map.of("role", "tool", "tool_call_id", id, "content", text(outcome.answer().structuredContent())));
            read = true;
            changed |= !tool.readOnly();
        }

        private void record(String tool, Object result, TaskView before) {
            String type = ACTIONS.get(tool);
            switch (result) {
                case TaskView t when type != null -> {
                    actions.add(new Action(type, t.id(), t));
                    if (type.equals("task.created") && !t.reminders().isEmpty()) {
                        actions.add(new Action("reminder.added", t.id(), t));
                    }
                }
                case McpTools.Deleted d -> actions.add(new Action(type, d.taskId(), before));
                case ReminderView r -> actions.add(new Action(type, r.taskId(), tasks.get(user.id(), r.taskId())));
                case TaskListing.TaskPage page -> {
                    found = page.items();
                    actions.removeIf(a -> a.type().equals("tasks.listed"));
                    actions.add(new Action(type, null, null));
                }
                default -> {
                }
            }
        }

        private TaskView existing(Object id) {
            try {
                return id instanceof String s ? tasks.get(user.id(), UUID.fromString(s)) : null;
            } catch (IllegalArgumentException | KadenceException e) {
                return null;
            }
        }
    }

    /** The tools as chat-completions function tools: MCP's names, descriptions and argument schemas. */
    private List<Map<String, Object>> functions() {
        return tools.tools().stream().map(t -> Map.<String, Object>of("type", "function", "function",
            Map.of("name", t.name(), "description", t.description(), "parameters", t.schema()))).toList();
    }

    /** The model's own message, as the next request must repeat it: its tool calls (and content, if any). */
    private Map<String, Object> assistantMessage(JsonNode message, JsonNode calls) {
        Map<String, Object> said = new LinkedHashMap<>();
        said.put("role", "assistant");
        said.put("content", message.path("content").isTextual() ? message.get("content").asText() : null);
        said.put("tool_calls", model.json().convertValue(calls, Object.class));
        return said;
    }

    /** A call's arguments: a JSON object, as text (the wire format's) or, as some servers send it, as an object. */
    private Map<String, Object> arguments(JsonNode arguments) throws Refused {
        try {
            JsonNode object = arguments.isTextual() ? model.json().readTree(arguments.asText()) : arguments;
            if (object == null || !object.isObject()) {
                throw new Refused("arguments that are not a JSON object");
            }
            return model.json().convertValue(object, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new Refused("arguments that are not JSON");
        }
    }

    private String text(Object structured) {
        try {
            return model.json().writeValueAsString(structured);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
