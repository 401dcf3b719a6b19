package dev.kadence.core.task;

import dev.kadence.core.error.Violations;
import dev.kadence.core.json.Body;
import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.tag.TagNames;
import dev.kadence.core.time.Times;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A task request body, validated field by field. {@link #has} tells which fields the request sets: for a
 * create or a full replace every field is set (absent ones take their defaults), for a PATCH only those
 * present in the body.
 */
record TaskDraft(Set<String> present, String title, String description, Priority priority, Status status,
                 List<String> tags, List<String> addTags, List<String> removeTags, java.time.Instant dueAt,
                 RecurrenceSpec recurrence, List<ReminderSpec> reminders) {

    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String PRIORITY = "priority";
    static final String STATUS = "status";
    static final String TAGS = "tags";
    static final String ADD_TAGS = "add_tags";
    static final String REMOVE_TAGS = "remove_tags";
    static final String DUE_AT = "due_at";
    static final String RECURRENCE = "recurrence";
    static final String REMINDERS = "reminders";
    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 10_000;
    private static final List<String> FULL = List.of(TITLE, DESCRIPTION, PRIORITY, STATUS, TAGS, DUE_AT, RECURRENCE, REMINDERS);

    enum Kind { CREATE, REPLACE, PATCH }

    boolean has(String field) {
        return present.contains(field);
    }

    static TaskDraft parse(JsonNode json, Kind kind) {
        Violations v = new Violations();
        Body body = Body.of(json, v);
        Set<String> present = new HashSet<>();
        if (kind == Kind.PATCH) {
            for (String field : FULL) {
                if (body.has(field)) {
                    present.add(field);
                }
            }
            for (String field : List.of(ADD_TAGS, REMOVE_TAGS)) {
                if (body.has(field)) {
                    present.add(field);
                }
            }
            if (present.contains(TAGS) && (present.contains(ADD_TAGS) || present.contains(REMOVE_TAGS))) {
                v.add(TAGS, "conflicting_fields", "use either tags (replace all) or add_tags/remove_tags, not both");
            }
        } else {
            present.addAll(FULL);
            for (String field : List.of(ADD_TAGS, REMOVE_TAGS)) {
                if (body.has(field)) {
                    v.add(field, "patch_only", "only PATCH accepts " + field + "; send the full tags list instead");
                }
            }
        }

        String title = present.contains(TITLE) ? title(body, v) : null;
        String description = body.string(DESCRIPTION);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            v.add(DESCRIPTION, "too_long", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        Priority priority = enumField(body, PRIORITY, kind, Priority.MEDIUM, v, Priority::parse);
        Status status = enumField(body, STATUS, kind, Status.TODO, v, Status::parse);
        List<String> tags = orEmpty(TagNames.normalizeAll(TAGS, body.strings(TAGS), v));
        List<String> addTags = orEmpty(TagNames.normalizeAll(ADD_TAGS, body.strings(ADD_TAGS), v));
        List<String> removeTags = orEmpty(TagNames.normalizeAll(REMOVE_TAGS, body.strings(REMOVE_TAGS), v));
        java.time.Instant dueAt = Times.instant(DUE_AT, body.string(DUE_AT), v);
        Body recurrenceBody = body.object(RECURRENCE);
        RecurrenceSpec recurrence = recurrenceBody == null ? null : RecurrenceSpec.parse(RECURRENCE, recurrenceBody, v);
        List<ReminderSpec> reminders = reminders(body, v);
        v.throwIfAny();
        return new TaskDraft(present, title, description, priority, status, tags, addTags, removeTags, dueAt,
            recurrence, reminders);
    }

    private static String title(Body body, Violations v) {
        String raw = body.string(TITLE);
        if (raw == null) {
            if (!v.has(TITLE)) {
                v.add(TITLE, "required", "is required");
            }
            return null;
        }
        String title = raw.strip();
        if (title.isEmpty()) {
            v.add(TITLE, "empty", "must not be empty");
        } else if (title.length() > MAX_TITLE) {
            v.add(TITLE, "too_long", "must be at most " + MAX_TITLE + " characters");
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

    private static List<ReminderSpec> reminders(Body body, Violations v) {
        List<Body> items = body.objects(REMINDERS);
        if (items == null) {
            return List.of();
        }
        if (items.size() > ReminderSpec.MAX_PER_TASK) {
            v.add(REMINDERS, "too_many", "at most " + ReminderSpec.MAX_PER_TASK + " reminders per task");
            return List.of();
        }
        List<ReminderSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ReminderSpec spec = ReminderSpec.parse(REMINDERS + "[" + i + "]", items.get(i), v);
            if (spec != null) {
                out.add(spec);
            }
        }
        return out;
    }

    private static List<String> orEmpty(List<String> names) {
        return names == null ? List.of() : names;
    }
}
