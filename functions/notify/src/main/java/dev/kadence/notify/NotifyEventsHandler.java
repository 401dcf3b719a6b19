package dev.kadence.notify;

import dev.kadence.core.activity.ActivityRecorder;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.inbox.EventData;
import dev.kadence.core.inbox.EventHandler;
import dev.kadence.core.inbox.TopicTypes;
import dev.kadence.core.notification.Notifications;
import dev.kadence.core.notification.StreamEvents;
import dev.kadence.core.reminder.ReminderFiring.ReminderDue;
import dev.kadence.core.task.TaskView;
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
 * What notify does with the events its three KafkaSources deliver (POST /events): a {@code reminder.due} (from
 * {@code reminders}) becomes the user's notification, a {@code task.changed} (from {@code task-updates}) is passed
 * to the user's open streams as it came, so every browser sees changes made elsewhere, and a task mutation (from
 * {@code task-events}) becomes an entry of the activity log.
 */
@Singleton
class NotifyEventsHandler implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyEventsHandler.class);
    private static final Set<String> ACCEPTS;

    static {
        Set<String> types = new HashSet<>(TopicTypes.REMINDERS);
        types.addAll(TopicTypes.TASK_UPDATES);
        types.addAll(TopicTypes.TASK_EVENTS);
        ACCEPTS = Set.copyOf(types);
    }

    private final EventData data;
    private final Notifications notifications;
    private final StreamEvents stream;
    private final ActivityRecorder activity;

    NotifyEventsHandler(EventData data, Notifications notifications, StreamEvents stream, ActivityRecorder activity) {
        this.data = data;
        this.notifications = notifications;
        this.stream = stream;
        this.activity = activity;
    }

    /** Whose task a {@code task.changed} is about; the rest of its data goes to the stream untouched. */
    @Serdeable
    record TaskRef(UUID taskId, UUID userId) {
    }

    /** A task mutation: whose task, and the state it left it in. */
    @Serdeable
    record TaskMutation(UUID taskId, UUID userId, TaskView task) {
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
        } else if (event.getType().equals(EventTypes.TASK_CHANGED)) {
            TaskRef ref = data.read(event, TaskRef.class, field("task_id", TaskRef::taskId), field("user_id", TaskRef::userId));
            stream.appendJson(ref.userId(), StreamEvents.TASK, new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        } else if (ActivityRecorder.records(event.getType())) {
            TaskMutation m = data.read(event, TaskMutation.class, field("task_id", TaskMutation::taskId),
                field("user_id", TaskMutation::userId), field("task", TaskMutation::task));
            activity.record(event.getId(), event.getType(), event.getTime(), event.getSource(), m.userId(), m.taskId(), m.task());
        }
    }
}
