package dev.kadence.core.task;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.reminder.Reminders;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** A cancelled reminder changes its task's snapshot, so the task is touched and an update published. */
@Singleton
class TaskReminderCancellations implements Reminders.ReminderCancellations {
    private final TaskStore store;
    private final TaskViews views;
    private final TaskEvents events;
    private final Clock clock;

    TaskReminderCancellations(TaskStore store, TaskViews views, TaskEvents events, Clock clock) {
        this.store = store;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void lockTask(UUID userId, UUID taskId) {
        store.lock(userId, taskId);
    }

    @Override
    public void cancelled(UUID userId, UUID taskId) {
        store.lock(userId, taskId).ifPresent(task -> {
            Task touched = task.touched(clock.instant());
            store.update(touched);
            events.emit(EventTypes.TASK_UPDATED, views.of(touched));
        });
    }
}
