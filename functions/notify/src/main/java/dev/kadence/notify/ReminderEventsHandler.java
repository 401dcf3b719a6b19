package dev.kadence.notify;

import dev.kadence.core.inbox.EventHandler;
import dev.kadence.core.inbox.TopicTypes;
import io.cloudevents.CloudEvent;
import jakarta.inject.Singleton;

import java.util.Set;

/** What notify does with the reminder.due events its KafkaSource delivers (POST /events). */
@Singleton
class ReminderEventsHandler implements EventHandler {
    @Override
    public String consumer() {
        return "notify";
    }

    @Override
    public Set<String> accepts() {
        return TopicTypes.REMINDERS;
    }

    @Override
    public void apply(CloudEvent event) {
        // TODO(notifications issue): store one notification per reminder.due, suppress it if the task is done,
        //  and push it to the user's open streams.
    }
}
