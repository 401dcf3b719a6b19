package dev.kadence.reminderfire;

import dev.kadence.core.inbox.EventHandler;
import dev.kadence.core.inbox.TopicTypes;
import io.cloudevents.CloudEvent;
import jakarta.inject.Singleton;

import java.util.Set;

/** What reminder-fire does with the task events its KafkaSource delivers (POST /events). */
@Singleton
class TaskEventsHandler implements EventHandler {
    @Override
    public String consumer() {
        return "reminder-fire";
    }

    @Override
    public Set<String> accepts() {
        return TopicTypes.TASK_EVENTS;
    }

    @Override
    public void apply(CloudEvent event) {
        // TODO(reminders issue): keep the task's reminders in step and one Dapr job per pending reminder and
        //  per open series instance's due time.
    }
}
