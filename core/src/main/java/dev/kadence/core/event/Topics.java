package dev.kadence.core.event;

import java.util.List;

/** Kafka topics. Record key and the {@code partitionkey} extension are the task id, so one task's events stay in order. */
public final class Topics {
    /** Every task mutation, with the full task snapshot. */
    public static final String TASK_EVENTS = "task-events";
    /** UI-facing change summaries, one per mutation. */
    public static final String TASK_UPDATES = "task-updates";
    /** {@code reminder.due}. */
    public static final String REMINDERS = "reminders";
    public static final List<String> ALL = List.of(TASK_EVENTS, TASK_UPDATES, REMINDERS);

    private Topics() {
    }
}
