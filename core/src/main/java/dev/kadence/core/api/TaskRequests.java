package dev.kadence.core.api;

import dev.kadence.core.error.Violations;
import dev.kadence.core.recurrence.Mode;
import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.recurrence.Rules;
import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.tag.TagNames;
import dev.kadence.core.task.Priority;
import dev.kadence.core.task.RecurrencePreviews;
import dev.kadence.core.task.Status;
import dev.kadence.core.task.TaskDraft.Field;
import dev.kadence.core.task.TaskDraft;
import dev.kadence.core.time.Times;
import dev.kadence.core.time.Zones;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Task request bodies ({@code POST /tasks}, {@code PUT} and {@code PATCH /tasks/{id}}, {@code POST /recurrence/preview})
 * read field by field into {@link TaskDraft}s: every error names its field ({@code reminders[1].before_due}), all
 * of them are reported at once, and nothing is stored unless the whole body is valid.
 */
public final class TaskRequests {
    private TaskRequests() {
    }

    private enum Kind { CREATE, REPLACE, PATCH }

    /** A {@code POST /tasks} body: every field is set, absent ones at their defaults. */
    public static TaskDraft create(JsonNode json) {
        return parse(json, Kind.CREATE);
    }

    /** A {@code PUT /tasks/{id}} body: like a create, the whole task. */
    public static TaskDraft replace(JsonNode json) {
        return parse(json, Kind.REPLACE);
    }

    /** A {@code PATCH /tasks/{id}} body: only the fields present are set; {@code add_tags}, {@code remove_tags} too. */
    public static TaskDraft patch(JsonNode json) {
        return parse(json, Kind.PATCH);
    }

    /**
     * A {@code POST /recurrence/preview} body {@code {rule, timezone?, mode?, due_at}}; errors are reported under the
     * names a task's body uses ({@code recurrence.rule}, {@code due_at}), so an editor shows them in the same place.
     */
    public static RecurrencePreviews.Request preview(JsonNode json) {
        Violations v = new Violations();
        Body body = Body.of(json, v);
        RecurrenceSpec spec = recurrence(body.as("recurrence"), v);
        Instant due = Times.instant("due_at", body.string("due_at"), v);
        if (due == null && !v.has("due_at")) {
            v.add("due_at", "required_for_recurrence", "A repeating task needs a due date: its first occurrence");
        }
        v.throwIfAny();
        return new RecurrencePreviews.Request(spec, due);
    }

    private static TaskDraft parse(JsonNode json, Kind kind) {
        Violations v = new Violations();
        Body body = Body.of(json, v);
        Set<Field> fields = EnumSet.noneOf(Field.class);
        if (kind == Kind.PATCH) {
            for (Field field : Field.values()) {
                if (body.has(field.wire())) {
                    fields.add(field);
                }
            }
            if (fields.contains(Field.TAGS) && (fields.contains(Field.ADD_TAGS) || fields.contains(Field.REMOVE_TAGS))) {
                v.add("tags", "conflicting_fields", "use either tags (replace all) or add_tags/remove_tags, not both");
            }
        } else {
            fields.addAll(Field.FULL);
            for (Field field : List.of(Field.ADD_TAGS, Field.REMOVE_TAGS)) {
                if (body.has(field.wire())) {
                    v.add(field.wire(), "patch_only", "only PATCH accepts " + field.wire() + "; send the full tags list instead");
                }
            }
        }

        String title = fields.contains(Field.TITLE) ? title(body, v) : null;
        String description = body.string("description");
        if (description != null && description.length() > TaskDraft.MAX_DESCRIPTION) {
            v.add("description", "too_long", "must be at most " + TaskDraft.MAX_DESCRIPTION + " characters");
        }
        Priority priority = enumField(body, "priority", kind, Priority.MEDIUM, v, Priority::parse);
        Status status = enumField(body, "status", kind, Status.TODO, v, Status::parse);
        List<String> tags = TagNames.normalizeAll("tags", body.strings("tags"), v);
        List<String> addTags = TagNames.normalizeAll("add_tags", body.strings("add_tags"), v);
        List<String> removeTags = TagNames.normalizeAll("remove_tags", body.strings("remove_tags"), v);
        Instant dueAt = Times.instant("due_at", body.string("due_at"), v);
        Body recurrenceBody = body.object("recurrence");
        RecurrenceSpec recurrence = recurrenceBody == null ? null : recurrence(recurrenceBody, v);
        List<ReminderSpec> reminders = reminders(body, v);
        v.throwIfAny();
        return new TaskDraft(fields, title, description, priority, status, tags, addTags, removeTags, dueAt,
            recurrence, reminders);
    }

    private static String title(Body body, Violations v) {
        String raw = body.string("title");
        if (raw == null) {
            if (!v.has("title")) {
                v.add("title", "required", "is required");
            }
            return null;
        }
        String title = raw.strip();
        if (Body.isBlank(title)) {
            v.add("title", "empty", "must not be empty");
        } else if (title.length() > TaskDraft.MAX_TITLE) {
            v.add("title", "too_long", "must be at most " + TaskDraft.MAX_TITLE + " characters");
        }
        return title;
    }

    private interface EnumParser<E> {
        E parse(String field, String value, Violations violations);
    }

    private static <E> E enumField(Body body, String field, Kind kind, E fallback, Violations v, EnumParser<E> parser) {
        String text = body.string(field);
        if (text != null) {
            return parser.parse(field, text, v);
        }
        if (kind == Kind.PATCH && body.has(field) && !v.has(field)) {
            v.add(field, "required", "must not be null");
        }
        return fallback;
    }

    /** {@code {rule, timezone?, mode?}}: the rule parsed, the zone IANA, the mode schedule by default. */
    private static RecurrenceSpec recurrence(Body body, Violations violations) {
        String ruleText = body.string("rule");
        String rule = violations.has(body.name("rule")) ? null : Rules.parse(body.name("rule"), ruleText, violations);
        ZoneId zone = Zones.parse(body.name("timezone"), body.string("timezone"), violations);
        String modeText = body.string("mode");
        Mode mode = modeText == null ? Mode.SCHEDULE : Mode.parse(body.name("mode"), modeText, violations);
        return rule == null ? null : new RecurrenceSpec(rule, zone, mode);
    }

    private static List<ReminderSpec> reminders(Body body, Violations v) {
        List<Body> items = body.objects("reminders");
        if (items == null) {
            return List.of();
        }
        if (items.size() > ReminderSpec.MAX_PER_TASK) {
            v.add("reminders", "too_many", "at most " + ReminderSpec.MAX_PER_TASK + " reminders per task");
            return List.of();
        }
        List<ReminderSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ReminderSpec spec = reminder(body.name("reminders[" + i + "]"), items.get(i), v);
            if (spec != null) {
                out.add(spec);
            }
        }
        return out;
    }

    /** {@code {at}} or {@code {before_due}}, exactly one of them. */
    private static ReminderSpec reminder(String field, Body body, Violations violations) {
        boolean hasAt = body.has("at");
        boolean hasBefore = body.has("before_due");
        if (hasAt == hasBefore) {
            violations.add(field, "invalid_reminder", "must have exactly one of at (a date-time) or before_due (an ISO-8601 duration)");
            return null;
        }
        if (hasAt) {
            Instant at = Times.instant(field + ".at", body.string("at"), violations);
            if (at == null && !violations.has(field + ".at")) {
                violations.add(field + ".at", "required", "must not be null");
            }
            return at == null ? null : new ReminderSpec(at, null);
        }
        String text = body.string("before_due");
        ReminderSpec spec = ReminderSpec.beforeDue(text);
        if (spec == null && !violations.has(field + ".before_due")) {
            violations.add(field + ".before_due", "invalid_duration",
                "must be an ISO-8601 duration of at most a year, e.g. PT15M, PT1H, P1D (PT0S: at the due time)");
        }
        return spec;
    }
}
