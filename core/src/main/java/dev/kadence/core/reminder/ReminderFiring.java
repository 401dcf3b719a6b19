package dev.kadence.core.reminder;

import dev.kadence.core.db.Sql;
import dev.kadence.core.event.EventIds;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.event.Outbox;
import dev.kadence.core.event.Topics;
import dev.kadence.core.recurrence.Series;
import dev.kadence.core.recurrence.SeriesStore;
import dev.kadence.core.task.Task;
import dev.kadence.core.task.TaskEvents.TaskDue;
import dev.kadence.core.task.TaskStore;
import dev.kadence.core.task.TaskView;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The system's clock (reminder-fire): which Dapr jobs a task needs, and what happens when one is due. Firing is one
 * idempotent path for the job callback and the sweep alike: lock the row, check it is still pending and due, change
 * its state and write the event with an id derived from what fired, commit. A job and a sweep racing for one reminder
 * publish one event. A callback that comes a moment early waits for its time before it takes any lock.
 */
@Singleton
public class ReminderFiring {
    /** Job names: {@code reminder-<reminder id>} and {@code due-<task id>}. */
    public static final String REMINDER_JOB = "reminder-";
    public static final String DUE_JOB = "due-";

    private final ReminderStore reminders;
    private final TaskStore tasks;
    private final SeriesStore series;
    private final Outbox outbox;
    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    ReminderFiring(ReminderStore reminders, TaskStore tasks, SeriesStore series, Outbox outbox, Sql sql,
                   TransactionOperations<Connection> tx, Clock clock) {
        this.reminders = reminders;
        this.tasks = tasks;
        this.series = series;
        this.outbox = outbox;
        this.sql = sql;
        this.tx = tx;
        this.clock = clock;
    }

    /** {@code data} of {@code dev.kadence.reminder.due}: which reminder fired, for which task and occurrence. */
    @Serdeable
    public record ReminderDue(UUID reminderId, UUID taskId, UUID userId, Instant fireAt, String title, Instant dueAt,
                              String beforeDue, UUID seriesId, Integer instance) {
    }

    /** A Dapr job: its name, when it is due, and the data it carries back (informational: the name says it all). */
    public record Job(String name, Instant dueTime, Object data) {
    }

    /** The jobs to schedule (or re-schedule) and the job names to delete. */
    public record JobPlan(List<Job> schedule, List<String> delete) {
    }

    public enum Fired { FIRED, SUPPRESSED, MISSED, NOT_DUE, GONE }

    public static String reminderJob(UUID reminderId) {
        return REMINDER_JOB + reminderId;
    }

    public static String dueJob(UUID taskId) {
        return DUE_JOB + taskId;
    }

    /**
     * The jobs task {@code taskId} needs now: one per pending reminder while the task is not done, and one at its due
     * time while it is an open instance of an active series; every other job of it is deleted. A done task's pending
     * reminders keep no job: reopened, they get theirs again; left done, the sweep suppresses them at their time. {@code lastKnown} is the task's last snapshot,
     * whose reminders' jobs are deleted if the task is gone.
     */
    @Transactional
    public JobPlan plan(UUID taskId, TaskView lastKnown) {
        List<Job> schedule = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        Optional<Task> task = tasks.findById(taskId);
        if (task.isEmpty()) {
            if (lastKnown != null && lastKnown.reminders() != null) {
                lastKnown.reminders().forEach(r -> delete.add(reminderJob(r.id())));
            }
            delete.add(dueJob(taskId));
            return new JobPlan(schedule, delete);
        }
        Task t = task.get();
        for (Reminder r : reminders.allOfTask(taskId)) {
            if (r.isPending() && !t.isDone()) {
                schedule.add(reminderJob(r));
            } else {
                delete.add(reminderJob(r.id()));
            }
        }
        if (isOpenInstance(t)) {
            schedule.add(dueJob(t));
        } else {
            delete.add(dueJob(taskId));
        }
        return new JobPlan(schedule, delete);
    }

    /**
     * Fires reminder {@code reminderId} if it is pending and due: {@code fired} with its {@code reminder.due} event,
     * {@code suppressed} if its task is done or gone, {@code missed} if it fell due longer than {@code grace} ago
     * ({@link Reminder#firing}). A callback at most {@link Reminder#EARLY} before the reminder's time first waits for
     * it, holding no lock and no connection; the decision is then taken again under the row's lock.
     */
    public Fired fire(UUID reminderId, Duration grace) {
        Reminder seen = tx.executeRead(status -> reminders.findById(reminderId)).orElse(null);
        Instant waited = seen != null && seen.isPending() ? waitIfEarly(seen.fireAt()) : null;
        return tx.executeWrite(status -> fireLocked(reminderId, grace, waited));
    }

    private Fired fireLocked(UUID reminderId, Duration grace, Instant waited) {
        Reminder r = reminders.lockById(reminderId).orElse(null);
        if (r == null) {
            return Fired.GONE;
        }
        Instant now = atLeast(clock.instant(), waited);
        Task task = r.isPending() ? tasks.findById(r.taskId()).orElse(null) : null;
        switch (r.firing(now, grace, task != null && !task.isDone())) {
            case GONE:
                return Fired.GONE;
            case NOT_DUE:
            case EARLY:             // moved a moment later since it was seen: the job for its new time will come
                return Fired.NOT_DUE;
            case MISS:
                reminders.setStatus(r.id(), ReminderStatus.MISSED, now);
                return Fired.MISSED;
            case SUPPRESS:
                reminders.setStatus(r.id(), ReminderStatus.SUPPRESSED, now);
                return Fired.SUPPRESSED;
            default:
                reminders.setStatus(r.id(), ReminderStatus.FIRED, now);
                outbox.add(EventIds.of(EventTypes.REMINDER_DUE, r.id(), r.fireAt()), Topics.REMINDERS, EventTypes.REMINDER_DUE,
                    r.taskId(), new ReminderDue(r.id(), r.taskId(), r.userId(), r.fireAt(), task.title(), task.dueAt(),
                        r.beforeDue(), task.seriesId(), task.seriesInstance()));
                return Fired.FIRED;
        }
    }

    /**
     * Publishes {@code task.due} for task {@code taskId} if it is an open instance of an active series whose due time
     * has come, once per due time. A callback at most {@link Reminder#EARLY} early waits for the due time first.
     *
     * @return true if it was published now
     */
    public boolean signalDue(UUID taskId) {
        Task seen = tx.executeRead(status -> tasks.findById(taskId)).orElse(null);
        Instant waited = seen != null && seen.dueAt() != null ? waitIfEarly(seen.dueAt()) : null;
        return tx.executeWrite(status -> signalDueNow(taskId, waited));
    }

    private boolean signalDueNow(UUID taskId, Instant waited) {
        Task t = tasks.findById(taskId).orElse(null);
        Instant now = atLeast(clock.instant(), waited);
        if (t == null || !isOpenInstance(t) || t.dueAt().isAfter(now)) {
            return false;
        }
        boolean first = sql.update("""
            insert into due_signals (task_id, due_at, signalled_at) values (?, ?, ?) on conflict do nothing""",
            List.of(t.id(), t.dueAt(), now)) == 1;
        if (first) {
            outbox.add(EventIds.of(EventTypes.TASK_DUE, t.id(), t.dueAt()), Topics.TASK_EVENTS, EventTypes.TASK_DUE, t.id(),
                new TaskDue(t.id(), t.userId(), t.seriesId(), t.dueAt()));
        }
        return first;
    }

    /** Pending reminders that are due by now, and open series instances due by now and not yet signalled. */
    public record Overdue(List<UUID> reminders, List<UUID> instances) {
    }

    @Transactional
    public Overdue overdue(int limit) {
        Instant now = clock.instant();
        return new Overdue(
            reminders.pendingBetween(Instant.EPOCH, now, limit).stream().map(Reminder::id).toList(),
            tasks.unsignalledDue(now, limit).stream().map(Task::id).toList());
    }

    /** The jobs that fall due within {@code ahead}: the sweep schedules them again in case one was lost. */
    @Transactional
    public List<Job> upcoming(Duration ahead, int limit) {
        Instant now = clock.instant();
        List<Job> jobs = new ArrayList<>();
        reminders.pendingOfOpenTasksBetween(now, now.plus(ahead), limit).forEach(r -> jobs.add(reminderJob(r)));
        tasks.openInstancesDueBetween(now, now.plus(ahead), limit).forEach(t -> jobs.add(dueJob(t)));
        return jobs;
    }

    /**
     * An open instance of an active series whose due time the clock is to watch: one that was still ahead when the
     * task was last written. A due time already past when set (a task created overdue, or edited after it fell due)
     * is not a missed occurrence: the task stays overdue until it is completed.
     */
    private boolean isOpenInstance(Task t) {
        return !t.isDone() && t.seriesId() != null && t.dueAt() != null && t.dueAt().isAfter(t.updatedAt())
            && series.find(t.seriesId()).map(Series::isActive).orElse(false);
    }

    private static Job reminderJob(Reminder r) {
        return new Job(reminderJob(r.id()), r.fireAt(), new JobData("reminder", r.id(), r.fireAt()));
    }

    private static Job dueJob(Task t) {
        return new Job(dueJob(t.id()), t.dueAt(), new JobData("due", t.id(), t.dueAt()));
    }

    /** What a job carries: what it is for, which row, and the time it was scheduled for. */
    @Serdeable
    public record JobData(String kind, UUID id, Instant at) {
    }

    /**
     * Waits for {@code at} if it is at most {@link Reminder#EARLY} ahead, and answers it; else answers null at once.
     * Called outside any transaction: nothing is locked while it waits.
     */
    private Instant waitIfEarly(Instant at) {
        Instant now = clock.instant();
        if (!at.isAfter(now) || at.isAfter(now.plus(Reminder.EARLY))) {
            return null;
        }
        try {
            Thread.sleep(Duration.between(now, at));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + at, e);
        }
        return at;
    }

    private static Instant atLeast(Instant now, Instant waited) {
        return waited != null && now.isBefore(waited) ? waited : now;
    }
}
