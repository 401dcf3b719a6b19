package dev.kadence.core.task;

import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.Violations;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.recurrence.Rules;
import dev.kadence.core.recurrence.Series;
import dev.kadence.core.recurrence.SeriesHistory;
import dev.kadence.core.recurrence.SeriesStore;
import dev.kadence.core.reminder.Reminder;
import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.reminder.ReminderStatus;
import dev.kadence.core.reminder.ReminderStore;
import dev.kadence.core.tag.Tags;
import dev.kadence.core.user.Accounts;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Task use cases. Each runs in one transaction that stores the change and its events together; a request
 * that fails validation stores nothing.
 */
@Singleton
public class Tasks {
    private final TaskStore store;
    private final TaskViews views;
    private final TaskEvents events;
    private final SeriesStore series;
    private final SeriesHistory history;
    private final ReminderStore reminders;
    private final TaskTrash trash;
    private final Tags tags;
    private final Accounts accounts;
    private final Clock clock;

    Tasks(TaskStore store, TaskViews views, TaskEvents events, SeriesStore series, SeriesHistory history,
          ReminderStore reminders, TaskTrash trash, Tags tags, Accounts accounts, Clock clock) {
        this.store = store;
        this.views = views;
        this.events = events;
        this.series = series;
        this.history = history;
        this.reminders = reminders;
        this.trash = trash;
        this.tags = tags;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new task as {@code draft} describes it (fields it does not set take their defaults). */
    @Transactional
    public TaskView create(UUID userId, TaskDraft draft) {
        Instant now = clock.instant();
        return save(userId, Task.blank(userId, now), draft, true, now);
    }

    @Transactional
    public TaskView get(UUID userId, UUID id) {
        return views.of(store.find(userId, id).orElseThrow(() -> KadenceException.notFound("task")));
    }

    /** Task {@code id} changed to what {@code draft} says: every field it sets, which for a full replace is all. */
    @Transactional
    public TaskView update(UUID userId, UUID id, TaskDraft draft) {
        return save(userId, lock(userId, id), draft, false, clock.instant());
    }

    @Transactional
    public TaskView complete(UUID userId, UUID id) {
        Task before = lock(userId, id);
        return transition(before, before.complete(clock.instant()));
    }

    @Transactional
    public TaskView reopen(UUID userId, UUID id) {
        Task before = lock(userId, id);
        return transition(before, before.reopen(clock.instant()));
    }

    /** Moves the task to the trash: gone from every list and read, its reminders and series stopped, restorable. */
    @Transactional
    public void delete(UUID userId, UUID id) {
        Task task = lock(userId, id);
        TaskView last = views.of(task);
        Instant now = clock.instant();
        boolean seriesStopped = stopSeries(task, now);
        trash.put(task, seriesStopped, now);
        store.delete(task);
        events.emit(EventTypes.TASK_DELETED, last);
    }

    /**
     * Brings a deleted task back from the trash, same id: its pending reminders still ahead are armed again, and a
     * series its delete stopped is resumed. Restoring a task that is not deleted (a second restore) returns it as it is.
     */
    @Transactional
    public TaskView restore(UUID userId, UUID id) {
        Instant now = clock.instant();
        TaskTrash.Trashed trashed = trash.take(userId, id, now).orElse(null);
        if (trashed == null) {
            return get(userId, id);
        }
        Task task = trashed.task().touched(now);
        if (trashed.seriesStopped()) {
            series.lock(task.seriesId()).filter(s -> s.status() == Series.Status.STOPPED).ifPresent(s -> {
                series.update(s.resumed(now));
                history.record(s.id(), SeriesHistory.Kind.RESUMED, task.id(), null, now);
            });
        }
        tags.ensure(userId, task.tags(), now);
        store.insert(task);
        for (ReminderSpec spec : trashed.reminders()) {
            Instant fireAt = spec.fireAt(task.dueAt());
            if (fireAt != null && fireAt.isAfter(now)) {
                reminders.insert(Reminder.of(task.id(), userId, spec, task.dueAt(), now));
            }
        }
        TaskView view = views.of(task);
        events.emit(EventTypes.TASK_RESTORED, view);
        return view;
    }

    /** The user's deleted tasks that can still be restored, most recently deleted first. */
    @Transactional
    public List<TaskView> trashed(UUID userId, int limit) {
        return trash.list(userId, clock.instant(), limit).stream().map(views::of).toList();
    }

    /** Stops the task's series: no more instances; this one stays, as a plain task. */
    @Transactional
    public TaskView stopRecurrence(UUID userId, UUID id) {
        Task task = lock(userId, id);
        if (task.seriesId() == null) {
            throw KadenceException.invalid("recurrence", "not_recurring", "this task does not recur");
        }
        Instant now = clock.instant();
        stopSeries(task, now);
        Task plain = task.inSeries(null, null).touched(now);
        store.update(plain);
        TaskView view = views.of(plain);
        events.emit(EventTypes.TASK_UPDATED, view);
        return view;
    }

    private Task lock(UUID userId, UUID id) {
        return store.lock(userId, id).orElseThrow(() -> KadenceException.notFound("task"));
    }

    private TaskView transition(Task before, Task after) {
        if (after.equals(before)) {
            return views.of(before);        // already in that state: nothing happened, nothing to publish
        }
        Task saved = after.touched(clock.instant());
        store.update(saved);
        withdrawSuccessor(before, saved);
        TaskView view = views.of(saved);
        events.emit(TaskEvents.typeOf(before, saved), view);
        return view;
    }

    /**
     * A series instance reopened after its completion made the next one: that next one is withdrawn (deleted, with its
     * {@code task.deleted}) unless the user has changed it since, so the series keeps one open instance and an undo
     * undoes. Completing the instance again makes its successor again. The series lock orders this against
     * recurrence-handler, which re-reads the completed task under the same lock before it creates a successor.
     */
    private void withdrawSuccessor(Task before, Task after) {
        if (!before.isDone() || after.isDone() || after.seriesId() == null || series.lock(after.seriesId()).isEmpty()) {
            return;
        }
        for (Task next : store.lockOpenInstancesAfter(after.seriesId(), after.instanceNumber())) {
            if (next.updatedAt().equals(next.createdAt())) {
                TaskView last = views.of(next);
                store.delete(next);
                events.emit(EventTypes.TASK_DELETED, last);
            }
        }
    }

    private TaskView save(UUID userId, Task before, TaskDraft draft, boolean isNew, Instant now) {
        Task after = before.apply(draft, now);
        List<Reminder> current = isNew ? List.of() : reminders.ofTasks(List.of(before.id())).stream().filter(Reminder::isPending).toList();
        List<ReminderSpec> wanted = draft.has(TaskDraft.Field.REMINDERS) ? draft.reminders() : current.stream().map(Reminder::spec).toList();
        Series currentSeries = before.seriesId() == null ? null : series.find(before.seriesId()).orElse(null);
        RecurrenceSpec recurrence = draft.has(TaskDraft.Field.RECURRENCE) ? draft.recurrence() : null;

        Violations v = new Violations();
        for (int i = 0; i < wanted.size(); i++) {
            if (wanted.get(i).beforeDue() != null && after.dueAt() == null) {
                v.add("reminders[" + i + "].before_due", "due_at_required", "A reminder before the due time needs a due date");
            }
        }
        if (recurrence != null) {
            recurrence = recurrence.inZone(currentSeries != null ? currentSeries.zone() : accounts.get(userId).zone());
            if (after.dueAt() == null) {
                v.add("due_at", "required_for_recurrence", "A repeating task needs a due date: its first occurrence");
            } else {
                Rules.checkOccurs("recurrence.rule", recurrence.rule(), after.dueAt(), recurrence.zone(), v);
            }
        }
        v.throwIfAny();

        if (!isNew && after.equals(before) && !draft.has(TaskDraft.Field.REMINDERS) && !draft.has(TaskDraft.Field.RECURRENCE)) {
            return views.of(before);        // a PATCH that changes nothing publishes nothing
        }
        tags.ensure(userId, after.tags(), now);
        after = applyRecurrence(after, currentSeries, draft.has(TaskDraft.Field.RECURRENCE), recurrence, now).touched(now);
        if (isNew) {
            store.insert(after);
        } else {
            store.update(after);
            withdrawSuccessor(before, after);
        }
        syncReminders(after, current, wanted, now);
        TaskView view = views.of(after);
        events.emit(isNew ? EventTypes.TASK_CREATED : TaskEvents.typeOf(before, after), view);
        return view;
    }

    private Task applyRecurrence(Task task, Series current, boolean stated, RecurrenceSpec spec, Instant now) {
        if (!stated) {
            return task;
        }
        if (spec == null) {
            stopSeries(task, now);
            return task.inSeries(null, null);
        }
        if (current == null) {
            Series created = Series.start(task.userId(), spec, task.dueAt(), now);
            series.insert(created);
            history.record(created.id(), SeriesHistory.Kind.CREATED, task.id(), task.dueAt(), now);
            return task.inSeries(created.id(), 1);
        }
        series.update(current.respecified(spec, task.dueAt(), now));
        return task;
    }

    /**
     * Stops the task's series if it is active: no more instances, recorded in its history and published.
     *
     * @return whether it stopped it
     */
    private boolean stopSeries(Task task, Instant now) {
        if (task.seriesId() == null) {
            return false;
        }
        Series active = series.lock(task.seriesId()).filter(Series::isActive).orElse(null);
        if (active == null) {
            return false;
        }
        series.update(active.stopped(now));
        history.record(active.id(), SeriesHistory.Kind.STOPPED, task.id(), null, now);
        events.seriesCancelled(active, task.id(), now);
        return true;
    }

    /** Keeps reminders that are still wanted (moving relative ones with the due time), cancels the rest, adds new ones. */
    private void syncReminders(Task task, List<Reminder> current, List<ReminderSpec> wanted, Instant now) {
        List<ReminderSpec> toAdd = new ArrayList<>(wanted);
        for (Reminder r : current) {
            if (toAdd.remove(r.spec())) {
                Instant fireAt = r.spec().fireAt(task.dueAt());
                if (!fireAt.equals(r.fireAt())) {
                    reminders.setFireAt(r.id(), fireAt, now);
                }
            } else {
                reminders.setStatus(r.id(), ReminderStatus.CANCELLED, now);
            }
        }
        for (ReminderSpec spec : toAdd) {
            reminders.insert(Reminder.of(task.id(), task.userId(), spec, task.dueAt(), now));
        }
    }
}
