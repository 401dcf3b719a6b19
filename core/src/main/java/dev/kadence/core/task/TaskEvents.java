package dev.kadence.core.task;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.Outbox;
import dev.kadence.core.event.Topics;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Every task mutation writes one event to {@code task-events} and one summary to {@code task-updates}. */
@Singleton
public class TaskEvents {
    private final Outbox outbox;

    TaskEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code data} of task events: ids on top for routing, the full snapshot for consumers. */
    @Serdeable
    public record TaskEventData(UUID taskId, UUID userId, TaskView task) {
    }

    /** {@code data} of {@code dev.kadence.task.changed}: what happened, for the UI to update in place. */
    @Serdeable
    public record TaskChanged(UUID taskId, UUID userId, String change, TaskView task) {
    }

    public void emit(String type, TaskView task) {
        outbox.add(Topics.TASK_EVENTS, type, task.id(), new TaskEventData(task.id(), task.userId(), task));
        outbox.add(Topics.TASK_UPDATES, EventTypes.TASK_CHANGED, task.id(),
            new TaskChanged(task.id(), task.userId(), change(type), task));
    }

    /** The type of an update, judged by what happened to the status. */
    static String typeOf(Task before, Task after) {
        if (!before.isDone() && after.isDone()) {
            return EventTypes.TASK_COMPLETED;
        }
        if (before.isDone() && !after.isDone()) {
            return EventTypes.TASK_REOPENED;
        }
        return EventTypes.TASK_UPDATED;
    }

    private static String change(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
