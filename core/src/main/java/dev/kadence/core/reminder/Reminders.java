package dev.kadence.core.reminder;

import dev.kadence.core.error.KadenceException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The user's reminders across tasks: listing and cancelling. Firing them is reminder-fire's job. */
@Singleton
public class Reminders {
    private final ReminderStore store;
    private final ReminderCancellations cancellations;
    private final Clock clock;

    Reminders(ReminderStore store, ReminderCancellations cancellations, Clock clock) {
        this.store = store;
        this.cancellations = cancellations;
        this.clock = clock;
    }

    /** Publishes the change of the task whose reminder was cancelled (implemented next to the tasks). */
    public interface ReminderCancellations {
        /** Locks the task first: task edits lock the task before its reminders, so this order cannot deadlock. */
        void lockTask(UUID userId, UUID taskId);

        void cancelled(UUID userId, UUID taskId);
    }

    /** The user's reminders in {@code status}, or all of them when it is null. */
    @Transactional
    public List<ReminderView> list(UUID userId, ReminderStatus status) {
        return store.ofUser(userId, status).stream().map(ReminderView::of).toList();
    }

    @Transactional
    public ReminderView cancel(UUID userId, UUID id) {
        Reminder found = store.find(userId, id).orElseThrow(() -> KadenceException.notFound("reminder"));
        cancellations.lockTask(userId, found.taskId());
        Reminder reminder = store.lock(userId, id).orElseThrow(() -> KadenceException.notFound("reminder"));
        if (!reminder.isPending()) {
            return ReminderView.of(reminder);     // fired, delivered or already cancelled: nothing left to cancel
        }
        store.setStatus(id, ReminderStatus.CANCELLED, clock.instant());
        cancellations.cancelled(userId, reminder.taskId());
        return ReminderView.of(store.lock(userId, id).orElseThrow());
    }
}
