package dev.kadence.core.activity;

import dev.kadence.core.activity.ActivityEntry.Change;
import dev.kadence.core.reminder.ReminderView;
import dev.kadence.core.task.TaskView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two snapshots of a task, field by field, in the order the API shows them. Bookkeeping that no
 * one changes by hand (updated_at, a series' next occurrences, a reminder firing) is not a change.
 */
final class TaskChanges {
    private record Field(String name, Function<TaskView, String> value) {
    }

    private static final List<Field> FIELDS = List.of(
        new Field("title", TaskView::title),
        new Field("description", TaskView::description),
        new Field("priority", TaskView::priority),
        new Field("status", TaskView::status),
        new Field("tags", t -> t.tags() == null || t.tags().isEmpty() ? null : String.join(", ", t.tags())),
        new Field("due_at", t -> text(t.dueAt())),
        new Field("completed_at", t -> text(t.completedAt())),
        new Field("recurrence", TaskChanges::recurrence),
        new Field("reminders", TaskChanges::reminders));

    private TaskChanges() {
    }

    /** The fields whose value differs; {@code before} null (a task seen for the first time) is a task with nothing set. */
    static List<Change> between(TaskView before, TaskView after) {
        List<Change> changes = new ArrayList<>();
        for (Field f : FIELDS) {
            String from = before == null ? null : f.value().apply(before);
            String to = f.value().apply(after);
            if (!Objects.equals(from, to)) {
                changes.add(new Change(f.name(), from, to));
            }
        }
        return changes;
    }

    private static String recurrence(TaskView t) {
        TaskView.RecurrenceView r = t.recurrence();
        if (r == null) {
            return null;
        }
        return "active".equals(r.status()) ? r.summary() : r.summary() + " (" + r.status() + ")";
    }

    private static String reminders(TaskView t) {
        if (t.reminders() == null) {
            return null;
        }
        List<String> set = t.reminders().stream()
            .filter(r -> !"cancelled".equals(r.status()))
            .map(TaskChanges::reminder)
            .sorted()
            .toList();
        return set.isEmpty() ? null : String.join(", ", set);
    }

    private static String reminder(ReminderView r) {
        return r.beforeDue() != null ? r.beforeDue() + " before due" : text(r.at());
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
