package dev.kadence.assistant;

import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.api.QuickAddRequests;
import dev.kadence.core.api.TaskRequests;
import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.FieldError;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.Violations;
import dev.kadence.core.language.Periods;
import dev.kadence.core.language.QuickAddReader;
import dev.kadence.core.language.ReadingContext;
import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.reminder.ReminderView;
import dev.kadence.core.reminder.Reminders;
import dev.kadence.core.tag.TagNames;
import dev.kadence.core.task.TaskDraft;
import dev.kadence.core.task.TaskListing;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.core.web.Problem;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.kadence.assistant.ToolSchema.bool;
import static dev.kadence.assistant.ToolSchema.integer;
import static dev.kadence.assistant.ToolSchema.object;
import static dev.kadence.assistant.ToolSchema.oneOf;
import static dev.kadence.assistant.ToolSchema.optional;
import static dev.kadence.assistant.ToolSchema.required;
import static dev.kadence.assistant.ToolSchema.string;
import static dev.kadence.assistant.ToolSchema.strings;
import static dev.kadence.assistant.ToolSchema.uuid;

/**
 * The MCP tools (DESIGN §9): the user's tasks and reminders for an AI client, through the same core services as the API
 * and the assistant — so events, recurrence and reminders follow as for any API call — and the same readers: a tool's
 * arguments are checked against its schema ({@link ToolSchema}), their words about time read by the language engine
 * ({@link SaidTimes}), and the result handed to the API's own body readers ({@code TaskRequests}, {@code QueryParameters},
 * {@code QuickAddRequests}). A tool answers its result as JSON — the API's shapes, times in the user's offset — in both
 * {@code structuredContent} and a text block. Whatever goes wrong is a tool error ({@code isError}) carrying the
 * API's problem document, {@code code} and field errors included; never a protocol error, never a crash.
 */
@Singleton
class McpTools {
    /** The transport context's key for the caller's user id (from the bearer token). */
    static final String USER = "kadence.user";
    /** What an AI client (over MCP, or the assistant's language model) is told of the tools as a whole. */
    static final String INSTRUCTIONS = """
        Kadence is the signed-in user's task manager: tasks with priorities, tags, due times, \
        repeats and reminders. Say dates, repeats and reminders in words, as the user did \
        ("tomorrow at 5pm", "every Monday at 9am", "15 minutes before"): Kadence reads them in the \
        user's time zone, so never work out a date yourself. Find a task's task_id with find_tasks \
        before changing it. Times in results are in the user's offset.""";
    static final int DEFAULT_LIMIT = 20;
    private static final Logger LOG = LoggerFactory.getLogger(McpTools.class);
    private static final int MAX_WORDS = SaidTimes.MAX_TEXT;

    private final Tasks tasks;
    private final TaskListing listing;
    private final Reminders reminders;
    private final QuickAddReader reader;
    private final JsonMapper json;
    private final TransactionOperations<Connection> tx;

    McpTools(Tasks tasks, TaskListing listing, Reminders reminders, QuickAddReader reader, JsonMapper json,
             TransactionOperations<Connection> tx) {
        this.tasks = tasks;
        this.listing = listing;
        this.reminders = reminders;
        this.reader = reader;
        this.json = json;
        this.tx = tx;
    }

    /** What one call has to work with: the caller, the arguments, and (read once, when needed) the caller's context. */
    private final class Call {
        final UUID user;
        final Map<String, Object> args;
        private ReadingContext context;

        Call(UUID user, Map<String, Object> args) {
            this.user = user;
            this.args = args == null ? Map.of() : args;
        }

        SaidTimes said() {
            if (context == null) {
                context = reader.contextOf(user);
            }
            return new SaidTimes(context);
        }

        ZoneId zone() {
            return said().context().zone();
        }

        String text(String name) {
            return (String) args.get(name);
        }

        boolean has(String name) {
            return args.get(name) != null;
        }

        UUID id(String name) {
            return UUID.fromString(text(name));
        }
    }

    interface Handler {
        Object handle(Call call);
    }

    /**
     * One tool: what a client is told of it (name, description, the schema of its arguments), whether it only reads,
     * and its MCP specification, whose handler is {@link #call}.
     */
    record Tool(String name, String description, Map<String, Object> schema, boolean readOnly, Handler handler,
                SyncToolSpecification specification) {
    }

    /** What one tool call gave: the result as the services answered it (null for a tool error), and the tool's answer. */
    record Outcome(Object result, CallToolResult answer) {
    }

    private volatile List<Tool> tools;

    /** The MCP server's tools; {@link #tools()} says the same of them. */
    List<SyncToolSpecification> specifications() {
        return tools().stream().map(Tool::specification).toList();
    }

    /** Every tool, in the order DESIGN §9 names them: the one list that MCP and the assistant's language model are offered. */
    List<Tool> tools() {
        List<Tool> made = tools;
        if (made == null) {
            made = definitions();
            tools = made;
        }
        return made;
    }

    private List<Tool> definitions() {
        return List.of(
            tool("add_task", "Add a task", """
                Adds a task for the signed-in user and returns it as stored. Dates, repeats and reminders are plain \
                words read in the user's time zone ("tomorrow at 5pm", "every Monday at 9am", "15 minutes before"), \
                or RFC 3339 / an RRULE / an ISO-8601 duration. To add a task as the user typed it in one line \
                ("Pay rent every month on the 1st p1 #home"), read it with parse_quick_add first.""",
                object(required("title", string("what the task is", TaskDraft.MAX_TITLE)),
                    optional("description", string("more about it", TaskDraft.MAX_DESCRIPTION)),
                    optional("priority", oneOf("low, medium (the default) or high", List.of("low", "medium", "high"))),
                    optional("tags", strings("tag names, e.g. [\"work\"]; new ones are created", tag(), TagNames.MAX_PER_TASK)),
                    optional("due", string(DUE, MAX_WORDS)),
                    optional("repeat", string(REPEAT, MAX_WORDS)),
                    optional("repeat_mode", oneOf(REPEAT_MODE, List.of("schedule", "completion"))),
                    optional("reminders", strings("when to remind, each as words or ISO-8601/RFC 3339: " + REMINDER,
                        string("one reminder", MAX_WORDS), ReminderSpec.MAX_PER_TASK))),
                writes(false, false), this::addTask),
            tool("update_task", "Change a task", """
                Changes the fields given of one of the user's tasks (by task_id, as find_tasks returns it) and returns \
                the task as it is now; fields not given stay as they are. Completing, reopening, deleting, stopping a \
                series and reminders have tools of their own.""",
                object(required("task_id", uuid(TASK_ID)),
                    optional("title", string("the new title", TaskDraft.MAX_TITLE)),
                    optional("description", string("the new description", TaskDraft.MAX_DESCRIPTION)),
                    optional("priority", oneOf("low, medium or high", List.of("low", "medium", "high"))),
                    optional("status", oneOf("todo, in_progress or done", List.of("todo", "in_progress", "done"))),
                    optional("tags", strings("replaces all the task's tags", tag(), TagNames.MAX_PER_TASK)),
                    optional("add_tags", strings("tags to add", tag(), TagNames.MAX_PER_TASK)),
                    optional("remove_tags", strings("tags to remove", tag(), TagNames.MAX_PER_TASK)),
                    optional("due", string("the new due time: " + DUE, MAX_WORDS)),
                    optional("clear_due", bool("true: the task is no longer due at any time (not for a repeating task)")),
                    optional("repeat", string("makes the task repeat, or changes how: " + REPEAT, MAX_WORDS)),
                    optional("repeat_mode", oneOf(REPEAT_MODE, List.of("schedule", "completion")))),
                writes(false, true), this::updateTask),
            tool("complete_task", "Complete a task", """
                Marks one of the user's tasks done. For a repeating task the next instance follows by itself.""",
                object(required("task_id", uuid(TASK_ID))), writes(false, true),
                c -> tasks.complete(c.user, c.id("task_id"))),
            tool("reopen_task", "Reopen a task", "Marks one of the user's done tasks as to do again.",
                object(required("task_id", uuid(TASK_ID))), writes(false, true),
                c -> tasks.reopen(c.user, c.id("task_id"))),
            tool("delete_task", "Delete a task", """
                Deletes one of the user's tasks for good (a repeating task's series stops with it).""",
                object(required("task_id", uuid(TASK_ID))), writes(true, true), this::deleteTask),
            tool("find_tasks", "Find tasks", """
                Lists the user's tasks that match every filter given (a list means any of its values), sorted and a page \
                at a time: pass next_cursor back as cursor for the next page. Without filters: all tasks, by due time.""",
                object(optional("search", string("words of the title or description", 200)),
                    optional("status", strings("any of todo, in_progress, done", oneOf("a status",
                        List.of("todo", "in_progress", "done")), 3)),
                    optional("priority", strings("any of low, medium, high", oneOf("a priority",
                        List.of("low", "medium", "high")), 3)),
                    optional("tags", strings("tag names; see tag_mode", tag(), TagNames.MAX_PER_TASK)),
                    optional("tag_mode", oneOf("any (the default): a task with any of the tags; all: with every one",
                        List.of("any", "all"))),
                    optional("due_within", oneOf("due in this period, in the user's time zone", Periods.NAMES)),
                    optional("due_from", string("due at or after this: " + BOUND, MAX_WORDS)),
                    optional("due_to", string("due before this (a day means up to its end): " + BOUND, MAX_WORDS)),
                    optional("completed_within", oneOf("completed in this period", Periods.NAMES)),
                    optional("completed_from", string("completed at or after this: " + BOUND, MAX_WORDS)),
                    optional("completed_to", string("completed before this: " + BOUND, MAX_WORDS)),
                    optional("overdue", bool("true: only open tasks whose due time has passed; false: none of those")),
                    optional("sort_by", oneOf("due_at (the default; undated last), priority, created_at, updated_at or title",
                        List.of("due_at", "priority", "created_at", "updated_at", "title"))),
                    optional("order", oneOf("asc or desc; by default ascending for due_at and title, else descending",
                        List.of("asc", "desc"))),
                    optional("limit", integer("tasks per page", 1, 200, DEFAULT_LIMIT)),
                    optional("cursor", string("next_cursor of the previous page, with the same filters", 1000))),
                reads(), this::findTasks),
            tool("stop_series", "Stop a repeating task", """
                Stops the series of a repeating task: no more instances. The task itself stays, as a plain task.""",
                object(required("task_id", uuid(TASK_ID))), writes(false, true),
                c -> tasks.stopRecurrence(c.user, c.id("task_id"))),
            tool("add_reminder", "Add a reminder", """
                Adds a reminder to one of the user's tasks and returns the task with its reminders.""",
                object(required("task_id", uuid(TASK_ID)), required("when", string(REMINDER, MAX_WORDS))),
                writes(false, false), this::addReminder),
            tool("cancel_reminder", "Cancel a reminder", """
                Cancels a pending reminder (by reminder_id, as a task's reminders or list_reminders show it) and \
                returns it; a reminder that has fired already is left as it is.""",
                object(required("reminder_id", uuid("the reminder's id"))), writes(false, true),
                c -> reminders.cancel(c.user, c.id("reminder_id"))),
            tool("list_reminders", "List reminders", """
                Lists the user's reminders across tasks, soonest first: each with its task_id, when it fires \
                (fire_at) and its status.""",
                object(optional("status", oneOf("only reminders in this state (pending: still to fire)",
                    List.of("pending", "fired", "delivered", "cancelled", "suppressed", "missed")))),
                reads(), this::listReminders),
            tool("parse_quick_add", "Read a quick-add line", """
                Reads one line as the user would type it into quick add — "Pay rent every month on the 1st p1 #home", \
                "Call mom tomorrow at 6pm remind me 30 minutes before" — and answers what it says, storing nothing: \
                task (title, priority, tags, due_at, recurrence {rule, timezone, mode}, reminders [{at} or \
                {before_due}]) and recognised (which words were read as what). To store it, call add_task with \
                title, priority and tags, due = due_at, repeat = recurrence.rule, repeat_mode = recurrence.mode and \
                reminders = each at or before_due.""",
                object(required("text", string("the line, as typed", QuickAddRequests.MAX_TEXT))), reads(),
                c -> QuickAddAnswer.of(reader.quickAdd(c.user, QuickAddRequests.text(body(Map.of("text", c.text("text"))))))));
    }

    private static final String TASK_ID = "the task's id (task_id / id as the other tools return it)";
    private static final String DUE = "words such as \"tomorrow at 5pm\", \"Dec 24\", \"next Friday at 9:30\", \"in 3 days\" "
        + "(a day without a time means the end of that day), or RFC 3339 with an offset";
    private static final String REPEAT = "words such as \"every Monday at 9am\", \"every weekday\", \"every 2 weeks\", "
        + "\"every month on the 1st\", \"every last Friday\", \"every day until Dec 31\", \"every! 3 days\" (counted from "
        + "each completion), or an RRULE such as FREQ=WEEKLY;BYDAY=MO (then give due: the first occurrence). Without "
        + "due, the task is due at the first occurrence after now";
    private static final String REPEAT_MODE = "schedule (the default): the next one is due at the next occurrence of "
        + "the rule; completion: counted from when the last one was completed. Goes with repeat";
    private static final String REMINDER = "\"15 minutes before\", \"1 day and 1 hour before\", \"at 8:45\" (on the day "
        + "it is due), \"tomorrow at 9am\"; or an ISO-8601 duration before the due time (PT15M), or an RFC 3339 time";
    private static final String BOUND = "a date in words (\"today\", \"next Friday\", \"Dec 24\"), a date (2026-12-24) or "
        + "RFC 3339";

    private static Map<String, Object> tag() {
        return string("a tag name", TagNames.MAX_LENGTH);
    }

    private static ToolAnnotations reads() {
        return new ToolAnnotations(null, true, false, true, false, null);
    }

    private static ToolAnnotations writes(boolean destructive, boolean idempotent) {
        return new ToolAnnotations(null, false, destructive, idempotent, false, null);
    }

    private Tool tool(String name, String title, String description, Map<String, Object> schema,
                      ToolAnnotations annotations, Handler handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder(name).title(title).description(description).inputSchema(schema)
            .annotations(annotations).build();
        boolean readOnly = Boolean.TRUE.equals(annotations.readOnlyHint());
        return new Tool(name, description, schema, readOnly, handler, new SyncToolSpecification(tool, (context, request) ->
            call(name, schema, readOnly, (UUID) context.get(USER), request.arguments(), handler).answer()));
    }

    /** {@code tool} called by {@code user} with {@code arguments}, exactly as over MCP. */
    Outcome call(Tool tool, UUID user, Map<String, Object> arguments) {
        return call(tool.name(), tool.schema(), tool.readOnly(), user, arguments, tool.handler());
    }

    /**
     * One tool call: the caller (from the token), the arguments checked, the handler run, the result or the
     * problem. The whole call is one transaction (the services' own join it), the caller's zone read in it too: one
     * connection and one commit per call, and a tool that fails half-way leaves nothing behind.
     */
    private Outcome call(String name, Map<String, Object> schema, boolean readOnly, UUID user, Map<String, Object> arguments,
                         Handler handler) {
        Call call = new Call(user, arguments);
        try {
            Violations v = new Violations();
            ToolSchema.check(schema, arguments, v);
            v.throwIfAny();
            Function<TransactionStatus<Connection>, Object> work = status -> {
                Object result = handler.handle(call);
                call.zone();
                return result;
            };
            Object result = readOnly ? tx.executeRead(work::apply) : tx.executeWrite(work::apply);
            return new Outcome(result, answer(output(result, call), false));
        } catch (KadenceException e) {
            return new Outcome(null, answer(output(Problem.of(e.code(), e.getMessage(), e.errors()), null), true));
        } catch (RuntimeException e) {
            LOG.error("MCP tool {} failed", name, e);
            return new Outcome(null, answer(output(Problem.of(ErrorCode.INTERNAL, "an unexpected error occurred; it has been logged",
                List.of()), null), true));
        }
    }

    private CallToolResult answer(Map<String, Object> structured, boolean error) {
        try {
            return CallToolResult.builder().structuredContent(structured).addTextContent(json.writeValueAsString(structured))
                .isError(error).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the tools that are more than one service call

    private Object addTask(Call c) {
        Violations v = new Violations();
        Map<String, Object> body = new LinkedHashMap<>();
        copy(c, body, "title", "description", "priority", "tags");
        Instant due = c.has("due") ? c.said().due("due", c.text("due"), v) : null;
        SaidTimes.Repeat repeat = c.has("repeat") ? c.said().repeat("repeat", c.text("repeat"), v) : null;
        needsRepeat(c, v);
        Instant first = due != null ? due : repeat != null ? repeat.firstDue() : null;
        if (first != null) {
            body.put("due_at", c.said().rfc3339(first));
        }
        if (repeat != null) {
            body.put("recurrence", recurrence(c, repeat));
        }
        List<ReminderSpec> wanted = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> said = (List<String>) c.args.getOrDefault("reminders", List.of());
        for (int i = 0; i < said.size(); i++) {
            wanted.addAll(c.said().reminders("reminders[" + i + "]", said.get(i), first, repeat != null, v));
        }
        v.throwIfAny();
        if (!wanted.isEmpty()) {
            body.put("reminders", reminderBodies(wanted, c));
        }
        return asTool(TASK_FIELDS, () -> tasks.create(c.user, TaskRequests.create(body(body))));
    }

    private Object updateTask(Call c) {
        Violations v = new Violations();
        Map<String, Object> body = new LinkedHashMap<>();
        copy(c, body, "title", "description", "priority", "status", "tags", "add_tags", "remove_tags");
        if (c.has("due") && Boolean.TRUE.equals(c.args.get("clear_due"))) {
            v.add("clear_due", "conflicting_fields", "give either due (a new due time) or clear_due, not both");
        }
        Instant due = c.has("due") ? c.said().due("due", c.text("due"), v) : null;
        SaidTimes.Repeat repeat = c.has("repeat") ? c.said().repeat("repeat", c.text("repeat"), v) : null;
        needsRepeat(c, v);
        v.throwIfAny();
        Instant first = due != null ? due : repeat != null ? repeat.firstDue() : null;
        if (first != null) {
            body.put("due_at", c.said().rfc3339(first));
        } else if (Boolean.TRUE.equals(c.args.get("clear_due"))) {
            body.put("due_at", null);
        }
        if (repeat != null) {
            body.put("recurrence", recurrence(c, repeat));
        }
        UUID id = c.id("task_id");
        return asTool(TASK_FIELDS, () -> tasks.update(c.user, id, TaskRequests.patch(body(body))));
    }

    private Object deleteTask(Call c) {
        UUID id = c.id("task_id");
        tasks.delete(c.user, id);
        return new Deleted(id, true);
    }

    @Serdeable
    record Deleted(UUID taskId, boolean deleted) {
    }

    private Object findTasks(Call c) {
        Violations v = new Violations();
        Map<String, String> params = new HashMap<>();
        for (String name : List.of("search", "tag_mode", "sort_by", "order", "cursor")) {
            if (c.has(name)) {
                params.put(name, c.text(name));
            }
        }
        for (String name : List.of("status", "priority", "tags")) {
            if (c.has(name)) {
                @SuppressWarnings("unchecked")
                List<String> values = (List<String>) c.args.get(name);
                params.put(name, String.join(",", values));
            }
        }
        if (c.has("overdue")) {
            params.put("overdue", c.args.get("overdue").toString());
        }
        params.put("limit", String.valueOf(c.has("limit") ? c.args.get("limit") : DEFAULT_LIMIT));
        range(c, "due", params, v);
        range(c, "completed", params, v);
        v.throwIfAny();
        return listing.list(c.user, QueryParameters.taskQuery(params, c::zone));
    }

    /** {@code <what>_within} (a period) or {@code <what>_from} and {@code <what>_to} (words or dates) as the API's bounds. */
    private static void range(Call c, String what, Map<String, String> params, Violations v) {
        String within = what + "_within";
        for (String bound : List.of(what + "_from", what + "_to")) {
            if (c.has(within) && c.has(bound)) {
                v.add(bound, "conflicting_fields", "give either " + within + " or " + what + "_from/" + what + "_to, not both");
            } else if (c.has(bound)) {
                String value = c.said().bound(bound, c.text(bound), v);
                if (value != null) {
                    params.put(bound, value);
                }
            }
        }
        if (c.has(within)) {
            Instant[] period = Periods.of(c.text(within), c.zone(), c.said().context().now());
            params.put(what + "_from", c.said().rfc3339(period[0]));
            params.put(what + "_to", c.said().rfc3339(period[1]));
        }
    }

    private Object addReminder(Call c) {
        TaskView task = tasks.get(c.user, c.id("task_id"));
        Violations v = new Violations();
        boolean repeats = task.recurrence() != null && "active".equals(task.recurrence().status());
        List<ReminderSpec> added = c.said().reminders("when", c.text("when"), task.dueAt(), repeats, v);
        v.throwIfAny();
        List<ReminderSpec> wanted = new ArrayList<>();
        for (ReminderView r : task.reminders()) {
            if ("pending".equals(r.status())) {
                wanted.add(new ReminderSpec(r.beforeDue() == null ? r.at() : null, r.beforeDue()));
            }
        }
        added.stream().filter(s -> !wanted.contains(s)).forEach(wanted::add);
        Map<String, Object> body = Map.of("reminders", reminderBodies(wanted, c));
        return asTool(name -> name.startsWith("reminders") || name.equals("due_at") ? "when" : name,
            () -> tasks.update(c.user, task.id(), TaskRequests.patch(body(body))));
    }

    private Object listReminders(Call c) {
        return new ReminderList(reminders.list(c.user, QueryParameters.reminderStatus("status", c.text("status"))));
    }

    @Serdeable
    record ReminderList(List<ReminderView> items) {
    }

    // ---- helpers

    private static void copy(Call c, Map<String, Object> body, String... names) {
        for (String name : names) {
            if (c.has(name)) {
                body.put(name, c.args.get(name));
            }
        }
    }

    private static void needsRepeat(Call c, Violations v) {
        if (c.has("repeat_mode") && !c.has("repeat")) {
            v.add("repeat_mode", "needs_repeat", "goes with repeat: say how the task repeats as well");
        }
    }

    private static Map<String, Object> recurrence(Call c, SaidTimes.Repeat repeat) {
        Map<String, Object> recurrence = new LinkedHashMap<>();
        recurrence.put("rule", repeat.spec().rule());
        recurrence.put("timezone", repeat.spec().zone().getId());
        recurrence.put("mode", c.has("repeat_mode") ? c.text("repeat_mode") : repeat.spec().mode().wire());
        return recurrence;
    }

    private static List<Map<String, Object>> reminderBodies(List<ReminderSpec> specs, Call c) {
        return specs.stream().map(s -> s.at() != null ? Map.<String, Object>of("at", c.said().rfc3339(s.at()))
            : Map.<String, Object>of("before_due", s.beforeDue())).toList();
    }

    /** The API's field names in a task body, as this tool's arguments call them. */
    private static final Function<String, String> TASK_FIELDS = name -> {
        if (name.equals("due_at")) {
            return "due";
        }
        if (name.equals("recurrence.mode")) {
            return "repeat_mode";
        }
        if (name.startsWith("recurrence")) {
            return "repeat";
        }
        return name.startsWith("reminders") ? "reminders" : name;
    };

    /** Runs {@code action}; a problem it has names the tool's arguments rather than the API body's fields. */
    private static <T> T asTool(Function<String, String> rename, Supplier<T> action) {
        try {
            return action.get();
        } catch (KadenceException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            List<FieldError> errors = e.errors().stream().map(f -> new FieldError(rename.apply(f.field()), f.code(), f.message()))
                .toList();
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).toList());
            throw new KadenceException(e.code(), detail, errors);
        }
    }

    private JsonNode body(Map<String, Object> body) {
        try {
            return json.writeValueToTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A result as the JSON object a tool answers: the API's shape (snake_case), its times in the caller's offset (the
     * API's are UTC) so that a model reads "2026-12-24T17:00:00+01:00" as the user says it, without converting.
     */
    private Map<String, Object> output(Object result, Call call) {
        try {
            ZoneId zone = call == null ? null : call.zone();
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) plain(json.writeValueToTree(result), null, zone);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code node} as maps, lists, strings, numbers and booleans; times under {@code key} in {@code zone} (if not null). */
    private static Object plain(JsonNode node, String key, ZoneId zone) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                map.put(e.getKey(), plain(e.getValue(), e.getKey(), zone));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node.values()) {
                list.add(plain(item, key, zone));
            }
            return list;
        }
        if (node.isString()) {
            boolean time = zone != null && key != null
                && (key.endsWith("_at") || key.equals("at") || key.equals("next_occurrences"));
            return time ? local(node.getStringValue(), zone) : node.getStringValue();
        }
        if (node.isNumber()) {
            return node.getNumberValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        return null;
    }

    private static String local(String time, ZoneId zone) {
        try {
            return SaidTimes.rfc3339(OffsetDateTime.parse(time).toInstant(), zone);
        } catch (DateTimeParseException e) {
            return time;
        }
    }
}
