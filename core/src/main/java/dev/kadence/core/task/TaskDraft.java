package dev.kadence.core.task;

import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.reminder.ReminderSpec;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a caller wants a task to be: a new task, a full replacement, or a patch. {@link #has} tells which fields it
 * sets — every field for a create or a replace (absent ones at their defaults), only those named for a patch — so a
 * patch tells a field left alone from one set to null. Values are valid: {@code core.api.TaskRequests} reads request
 * bodies into drafts field by field; what depends on stored state (a recurrence needs a due time) is checked by
 * {@link Tasks}.
 */
public record TaskDraft(Set<Field> fields, String title, String description, Priority priority, Status status,
                        List<String> tags, List<String> addTags, List<String> removeTags, Instant dueAt,
                        RecurrenceSpec recurrence, List<ReminderSpec> reminders) {
    public static final int MAX_TITLE = 500;
    public static final int MAX_DESCRIPTION = 10_000;

    /** The fields of a task a draft can set; {@code ADD_TAGS} and {@code REMOVE_TAGS} only in a patch. */
    public enum Field {
        TITLE, DESCRIPTION, PRIORITY, STATUS, TAGS, ADD_TAGS, REMOVE_TAGS, DUE_AT, RECURRENCE, REMINDERS;

        /** Every field a create or a full replace sets. */
        public static final Set<Field> FULL = EnumSet.of(TITLE, DESCRIPTION, PRIORITY, STATUS, TAGS, DUE_AT, RECURRENCE, REMINDERS);

        /** The field's name in the API. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TaskDraft {
        fields = fields.isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(fields);
        tags = tags == null ? List.of() : List.copyOf(tags);
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }

    public boolean has(Field field) {
        return fields.contains(field);
    }
}
