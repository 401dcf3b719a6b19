package dev.kadence.core.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A task. Immutable: every change returns the task as it is after the change. */
public record Task(UUID id, UUID userId, String title, String description, Priority priority, Status status,
                  List<String> tags, Instant dueAt, Instant completedAt, UUID seriesId, int missedCount,
                  Instant createdAt, Instant updatedAt) {

    public Task {
        tags = List.copyOf(tags);
    }

    static Task blank(UUID userId, Instant now) {
        return new Task(UUID.randomUUID(), userId, null, null, Priority.MEDIUM, Status.TODO, List.of(), null, null,
            null, 0, now, now);
    }

    public boolean isDone() {
        return status == Status.DONE;
    }

    /** Applies the fields a request set; status changes keep completed_at in step. */
    Task apply(TaskDraft draft, Instant now) {
        Task t = this;
        if (draft.has(TaskDraft.TITLE)) {
            t = t.with(draft.title(), t.description, t.priority, t.tags, t.dueAt);
        }
        if (draft.has(TaskDraft.DESCRIPTION)) {
            t = t.with(t.title, draft.description(), t.priority, t.tags, t.dueAt);
        }
        if (draft.has(TaskDraft.PRIORITY)) {
            t = t.with(t.title, t.description, draft.priority(), t.tags, t.dueAt);
        }
        if (draft.has(TaskDraft.TAGS)) {
            t = t.with(t.title, t.description, t.priority, draft.tags(), t.dueAt);
        }
        if (draft.has(TaskDraft.ADD_TAGS) || draft.has(TaskDraft.REMOVE_TAGS)) {
            Set<String> names = new LinkedHashSet<>(t.tags);
            names.addAll(draft.addTags());
            names.removeAll(draft.removeTags());
            t = t.with(t.title, t.description, t.priority, new ArrayList<>(names), t.dueAt);
        }
        if (draft.has(TaskDraft.DUE_AT)) {
            t = t.with(t.title, t.description, t.priority, t.tags, draft.dueAt());
        }
        if (draft.has(TaskDraft.STATUS)) {
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
        return new Task(id, userId, title, description, priority, next, tags, dueAt, completed, seriesId, missedCount,
            createdAt, updatedAt);
    }

    Task inSeries(UUID series) {
        return new Task(id, userId, title, description, priority, status, tags, dueAt, completedAt, series, missedCount,
            createdAt, updatedAt);
    }

    Task withTags(List<String> names, Instant now) {
        return with(title, description, priority, names, dueAt).touched(now);
    }

    Task touched(Instant now) {
        return new Task(id, userId, title, description, priority, status, tags, dueAt, completedAt, seriesId,
            missedCount, createdAt, now);
    }

    private Task with(String title, String description, Priority priority, List<String> tags, Instant dueAt) {
        return new Task(id, userId, title, description, priority, status, tags, dueAt, completedAt, seriesId,
            missedCount, createdAt, updatedAt);
    }
}
