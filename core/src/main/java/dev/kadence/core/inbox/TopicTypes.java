package dev.kadence.core.inbox;

import dev.kadence.core.event.EventTypes;

import java.util.Set;

/**
 * The event types each topic carries. A KafkaSource delivers everything on its topic, so a consumer takes every
 * type listed for the topics it is fed from; any other type is one it can never process.
 */
public final class TopicTypes {
    /** {@code task-events}: task mutations, due times of series instances, series ends. */
    public static final Set<String> TASK_EVENTS = Set.of(
        EventTypes.TASK_CREATED, EventTypes.TASK_UPDATED, EventTypes.TASK_COMPLETED, EventTypes.TASK_REOPENED,
        EventTypes.TASK_DELETED, EventTypes.TASK_RESTORED, EventTypes.TASK_DUE, EventTypes.SERIES_CANCELLED);
    /** {@code task-updates}: one change summary per task mutation, for the browser. */
    public static final Set<String> TASK_UPDATES = Set.of(EventTypes.TASK_CHANGED);
    /** {@code reminders}. */
    public static final Set<String> REMINDERS = Set.of(EventTypes.REMINDER_DUE);

    private TopicTypes() {
    }
}
