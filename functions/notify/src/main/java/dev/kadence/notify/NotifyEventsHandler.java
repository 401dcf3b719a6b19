package dev.kadence.notify;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.inbox.EventData;
import dev.kadence.core.inbox.EventHandler;
import dev.kadence.core.inbox.TopicTypes;
import dev.kadence.core.notification.Notifications;
import dev.kadence.core.notification.StreamEvents;
import dev.kadence.core.reminder.ReminderFiring.ReminderDue;
import io.cloudevents.CloudEvent;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static dev.kadence.core.inbox.EventData.field;

/**
 * What notify does with the events its two KafkaSources deliver (POST /events): a {@code reminder.due} (from
 * {@code reminders}) becomes the user's notification, and a {@code task.changed} (from {@code task-updates}) is passed
 * to the user's open streams as it came, so every browser sees changes made elsewhere.
 */
@Singleton
class NotifyEventsHandler implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyEventsHandler.class);
    private static final Set<String> ACCEPTS;

    static {
        Set<String> types = new HashSet<>(TopicTypes.REMINDERS);
        types.addAll(TopicTypes.TASK_UPDATES);
        ACCEPTS = Set.copyOf(types);
    }

    private final EventData data;
    private final Notifications notifications;
    private final StreamEvents stream;

    NotifyEventsHandler(EventData data, Notifications notifications, StreamEvents stream) {
        this.data = data;
        this.notifications = notifications;
        this.stream = stream;
    }

    /** Whose task a {@code task.changed} is about; the rest of its data goes to the stream untouched. */
    @Serdeable
    record TaskRef(UUID taskId, UUID userId) {
    }

    @Override
    public String consumer() {
        return "notify";
    }

    @Override
    public Set<String> accepts() {
        return ACCEPTS;
    }

    @Override
    public void apply(CloudEvent event) {
        if (event.getType().equals(EventTypes.REMINDER_DUE)) {
            ReminderDue due = data.read(event, ReminderDue.class, field("reminder_id", ReminderDue::reminderId),
                field("task_id", ReminderDue::taskId), field("user_id", ReminderDue::userId),
                field("fire_at", ReminderDue::fireAt), field("title", ReminderDue::title));
            Notifications.Delivery delivery = notifications.deliver(due);
            LOG.info("reminder {} of task {} due {}: {}", due.reminderId(), due.taskId(), due.fireAt(), delivery);
        } else {
            TaskRef ref = data.read(event, TaskRef.class, field("task_id", TaskRef::taskId), field("user_id", TaskRef::userId));
            stream.appendJson(ref.userId(), StreamEvents.TASK, new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        }
    }
}
