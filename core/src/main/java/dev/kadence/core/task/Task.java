package dev.kadence.core.task;

import dev.kadence.core.error.Violations;
import dev.kadence.core.tag.TagNames;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A task. Immutable: every change returns the task as it is after the change. */
public record Task(UUID id, UUID userId, String title, String description, Priority priority, Status status,
                  List<String> tags, Instant dueAt, Instant completedAt, UUID seriesId, Integer seriesInstance,
                  int missedCount, Instant createdAt, Instant updatedAt) {

    public Task {
        tags = List.copyOf(tags);
    }

    static Task blank(UUID userId, Instant now) {
        return new Task(UUID.randomUUID(), userId, null, null, Priority.MEDIUM, Status.TODO, List.of(), null, null,
            null, null, 0, now, now);
    }

    public boolean isDone() {
        return status == Status.DONE;
    }

    /** Applies the fields a request set; status changes keep completed_at in step. */
    Task apply(TaskDraft draft, Instant now) {
        Task t = this;
        if (draft.has(TaskDraft.Field.TITLE)) {
            t = t.with(draft.title(), t.description, t.priority, t.tags, t.dueAt);
        }
        if (draft.has(TaskDraft.Field.DESCRIPTION)) {
            t = t.with(t.title, draft.description(), t.priority, t.tags, t.dueAt);
        }
        if (draft.has(TaskDraft.Field.PRIORITY)) {
            t = t.with(t.title, t.description, draft.priority(), t.tags, t.dueAt);
        }
        if (draft.has(TaskDraft.Field.TAGS)) {
            t = t.with(t.title, t.description, t.priority, draft.tags(), t.dueAt);
        }
        if (draft.has(TaskDraft.Field.ADD_TAGS) || draft.has(TaskDraft.Field.REMOVE_TAGS)) {
            Set<String> names = new LinkedHashSet<>(t.tags);
            names.addAll(draft.addTags());
            names.removeAll(draft.removeTags());
            // Each list was held to the limit, the task's tags with them are not. Only growing past it is refused: a
            // task that has more (stored before this check) can still shed them.
            if (names.size() > TagNames.MAX_PER_TASK && names.size() > t.tags.size()) {
                Violations v = new Violations();
                v.add("add_tags", "too_many", "at most " + TagNames.MAX_PER_TASK + " tags per task; it has " + t.tags.size());
                v.throwIfAny();
            }
            t = t.with(t.title, t.description, t.priority, new ArrayList<>(names), t.dueAt);
        }
        if (draft.has(TaskDraft.Field.DUE_AT)) {
            t = t.with(t.title, t.description, t.priority, t.tags, draft.dueAt());
        }
        if (draft.has(TaskDraft.Field.STATUS)) {
            t = t.withStatus(draft.status(), now);
        }
        return t;
    }

    Task complete(Instant now) {
        return withStatus(Status.DONE, now);
    }

    Task reopen(Instant now) {
        return isDone() ? withStatus(Status.TODO, now) : this;
    }

    Task withStatus(Status next, Instant now) {
        if (next == status) {
            return this;
        }
        Instant completed = next == Status.DONE ? now : null;
        return new Task(id, userId, title, description, priority, next, tags, dueAt, completed, seriesId, seriesInstance,
            missedCount, createdAt, updatedAt);
    }

    /** This task as instance {@code instance} of {@code series}, or (both null) as a plain task. */
    Task inSeries(UUID series, Integer instance) {
        return new Task(id, userId, title, description, priority, status, tags, dueAt, completedAt, series, instance,
            missedCount, createdAt, updatedAt);
    }

    /** Which instance of its series this task is (1 for a series' first task, and for rows from before numbering). */
    public int instanceNumber() {
        return seriesInstance == null ? 1 : seriesInstance;
    }

    /** The next instance of this task's series: the same task again, open, due at {@code due}. */
    public Task nextInstance(Instant due, Instant now) {
        return new Task(UUID.randomUUID(), userId, title, description, priority, Status.TODO, tags, due, null, seriesId,
            instanceNumber() + 1, 0, now, now);
    }

    /** This open instance moved on to {@code due}, having missed {@code missed} more occurrences. */
    public Task movedTo(Instant due, int missed, Instant now) {
        return new Task(id, userId, title, description, priority, status, tags, due, completedAt, seriesId,
            seriesInstance, missedCount + missed, createdAt, now);
    }

    Task withTags(List<String> names, Instant now) {
        return with(title, description, priority, names, dueAt).touched(now);
    }

    Task touched(Instant now) {
        return new Task(id, userId, title, description, priority, status, tags, dueAt, completedAt, seriesId,
            seriesInstance, missedCount, createdAt, now);
    }

    private Task with(String title, String description, Priority priority, List<String> tags, Instant dueAt) {
        return new Task(id, userId, title, description, priority, status, tags, dueAt, completedAt, seriesId,
            seriesInstance, missedCount, createdAt, updatedAt);
    }
}
