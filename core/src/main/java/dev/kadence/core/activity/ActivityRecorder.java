package dev.kadence.core.activity;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.task.TaskView;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the activity log from task events. They carry the task's new state only, so each is compared with the last
 * snapshot seen of its task (events of one task arrive in order: one partition, keyed by task id). A task first seen
 * in an event other than its creation (its earlier events were before the log existed) gets an entry without changes.
 */
@Singleton
public class ActivityRecorder {
    private static final Map<String, String> KINDS = Map.of(
        EventTypes.TASK_CREATED, "created",
        EventTypes.TASK_UPDATED, "updated",
        EventTypes.TASK_COMPLETED, "completed",
        EventTypes.TASK_REOPENED, "reopened",
        EventTypes.TASK_DELETED, "deleted",
        EventTypes.TASK_RESTORED, "restored");

    private final ActivityStore store;
    private final Clock clock;

    ActivityRecorder(ActivityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Whether events of {@code type} are entries of the log (a due time passing or a series ending are not). */
    public static boolean records(String type) {
        return KINDS.containsKey(type);
    }

    /**
     * Records event {@code eventId} of {@code type}, made at {@code time} (null: now) by the function {@code source}
     * names ({@code /kadence/task-crud}), which left the user's task as {@code task}; nothing if that event is recorded
     * already. Runs in the caller's transaction.
     */
    public void record(String eventId, String type, OffsetDateTime time, URI source, UUID userId, UUID taskId,
                       TaskView task) {
        String kind = KINDS.get(type);
        if (kind == null) {
            return;
        }
        Instant at = time == null ? clock.instant() : time.toInstant();
        String actor = source.getPath() == null ? null : source.getPath().substring(source.getPath().lastIndexOf('/') + 1);
        boolean first = kind.equals("created");
        List<ActivityEntry.Change> changes = store.snapshot(taskId)
            .map(before -> TaskChanges.between(before, task))
            .orElseGet(() -> first ? TaskChanges.between(null, task) : List.of());
        store.insert(userId, eventId, new ActivityEntry(UUID.randomUUID(), taskId, kind, at, actor, changes));
        if (kind.equals("deleted")) {
            store.dropSnapshot(taskId);
        } else {
            store.keepSnapshot(userId, taskId, task);
        }
    }
}
