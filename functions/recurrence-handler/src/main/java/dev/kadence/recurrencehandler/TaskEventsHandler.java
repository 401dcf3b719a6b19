package dev.kadence.recurrencehandler;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.inbox.EventData;
import dev.kadence.core.inbox.EventHandler;
import dev.kadence.core.inbox.TopicTypes;
import dev.kadence.core.recurrence.SeriesLifecycle;
import dev.kadence.core.task.TaskEvents.TaskDue;
import io.cloudevents.CloudEvent;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.UUID;

import static dev.kadence.core.inbox.EventData.field;

/**
 * What recurrence-handler does with the task events its KafkaSource delivers (POST /events): a completed series
 * instance gets its successor, an open one whose due time passed moves on. Every other task event changes nothing here.
 */
@Singleton
class TaskEventsHandler implements EventHandler {
    private final EventData data;
    private final SeriesLifecycle series;

    TaskEventsHandler(EventData data, SeriesLifecycle series) {
        this.data = data;
        this.series = series;
    }

    /** The part of a task event's data this function needs: the stored task is what counts. */
    @Serdeable
    record TaskRef(UUID taskId, UUID userId) {
    }

    @Override
    public String consumer() {
        return "recurrence-handler";
    }

    @Override
    public Set<String> accepts() {
        return TopicTypes.TASK_EVENTS;
    }

    @Override
    public void apply(CloudEvent event) {
        switch (event.getType()) {
            case EventTypes.TASK_COMPLETED -> {
                TaskRef completed = data.read(event, TaskRef.class, field("task_id", TaskRef::taskId), field("user_id", TaskRef::userId));
                series.completed(completed.userId(), completed.taskId());
            }
            case EventTypes.TASK_DUE -> {
                TaskDue due = data.read(event, TaskDue.class, field("task_id", TaskDue::taskId),
                    field("user_id", TaskDue::userId), field("series_id", TaskDue::seriesId), field("due_at", TaskDue::dueAt));
                series.due(due.userId(), due.taskId(), due.seriesId(), due.dueAt());
            }
            default -> {
                // created, updated, reopened, deleted, series.cancelled: the stored state already says all
            }
        }
    }
}
