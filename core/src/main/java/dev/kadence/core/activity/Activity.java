package dev.kadence.core.activity;

import dev.kadence.core.error.KadenceException;
import dev.kadence.core.paging.PageRequest;
import dev.kadence.core.task.Cursor;
import dev.kadence.core.task.CursorKey;
import dev.kadence.core.task.TaskStore;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The activity log as its user reads it: newest first, a page at a time, only their own. */
@Singleton
public class Activity {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final ActivityStore store;
    private final TaskStore tasks;
    private final CursorKey cursors;

    Activity(ActivityStore store, TaskStore tasks, CursorKey cursors) {
        this.store = store;
        this.tasks = tasks;
        this.cursors = cursors;
    }

    @Serdeable
    public record ActivityPage(List<ActivityEntry> items, String nextCursor) {
    }

    /** Everything that happened to the user's tasks. */
    @Transactional
    public ActivityPage ofUser(UUID userId, PageRequest page) {
        return page(userId, null, "activity", page);
    }

    /**
     * What happened to one of the user's tasks, also after it was deleted; 404 for a task that is not the user's
     * (another user's, or none).
     */
    @Transactional
    public ActivityPage ofTask(UUID userId, UUID taskId, PageRequest page) {
        ActivityPage result = page(userId, taskId, "activity:" + taskId, page);
        if (result.items().isEmpty() && tasks.find(userId, taskId).isEmpty() && !store.any(userId, taskId)) {
            throw KadenceException.notFound("task");
        }
        return result;
    }

    private ActivityPage page(UUID userId, UUID taskId, String list, PageRequest page) {
        ActivityStore.Position after = null;
        if (page.cursor() != null) {
            Cursor c = cursors.decode(page.cursor(), list);
            after = new ActivityStore.Position(Instant.parse(c.value()), c.id());
        }
        int size = page.limit();
        List<ActivityEntry> rows = store.page(userId, taskId, after, size + 1);
        String next = null;
        if (rows.size() > size) {
            ActivityEntry last = rows.get(size - 1);
            next = cursors.encode(new Cursor(last.at().toString(), last.id()), list);
        }
        return new ActivityPage(rows.subList(0, Math.min(size, rows.size())), next);
    }
}
