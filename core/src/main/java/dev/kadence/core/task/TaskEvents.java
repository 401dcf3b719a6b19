package dev.kadence.core.task;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.Outbox;
import dev.kadence.core.event.Topics;
import dev.kadence.core.recurrence.Series;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Instant;
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

    /**
     * {@code data} of {@code dev.kadence.task.due}: reminder-fire's clock says the open series instance {@code taskId}
     * reached its due time {@code dueAt}.
     */
    @Serdeable
    public record TaskDue(UUID taskId, UUID userId, UUID seriesId, Instant dueAt) {
    }

    /** {@code data} of {@code dev.kadence.series.cancelled}: the series stopped by its user, and the task it was stopped from. */
    @Serdeable
    public record SeriesCancelled(UUID seriesId, UUID taskId, UUID userId, Instant stoppedAt) {
    }

    /** A series was stopped: published on {@code task-events}, keyed by the task so it stays in order with its events. */
    void seriesCancelled(Series series, UUID taskId, Instant now) {
        outbox.add(Topics.TASK_EVENTS, EventTypes.SERIES_CANCELLED, taskId,
            new SeriesCancelled(series.id(), taskId, series.userId(), now));
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
