package dev.kadence.core.event;

/** CloudEvent {@code type}s. Stable: consumers and dashboards match on these strings. See docs/events.md. */
public final class EventTypes {
    public static final String TASK_CREATED = "dev.kadence.task.created";
    public static final String TASK_UPDATED = "dev.kadence.task.updated";
    public static final String TASK_COMPLETED = "dev.kadence.task.completed";
    public static final String TASK_REOPENED = "dev.kadence.task.reopened";
    public static final String TASK_DELETED = "dev.kadence.task.deleted";
    public static final String TASK_RESTORED = "dev.kadence.task.restored";
    public static final String TASK_DUE = "dev.kadence.task.due";
    public static final String SERIES_CANCELLED = "dev.kadence.series.cancelled";
    public static final String REMINDER_DUE = "dev.kadence.reminder.due";
    public static final String TASK_CHANGED = "dev.kadence.task.changed";

    private EventTypes() {
    }
}
