package dev.kadence.recurrencehandler;

import dev.kadence.core.inbox.EventHandler;
import dev.kadence.core.inbox.TopicTypes;
import io.cloudevents.CloudEvent;
import jakarta.inject.Singleton;

import java.util.Set;

/** What recurrence-handler does with the task events its KafkaSource delivers (POST /events). */
@Singleton
class TaskEventsHandler implements EventHandler {
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
        // TODO(recurrence issue): on dev.kadence.task.completed of a series instance create the next
        //  instance; on dev.kadence.task.due move the still-open instance to the occurrence that passed.
    }
}
