package dev.kadence.core.task;

import dev.kadence.core.recurrence.RecurrenceSpec;
import dev.kadence.core.recurrence.Series;
import dev.kadence.core.recurrence.SeriesStore;
import dev.kadence.core.user.Accounts;
import dev.kadence.core.user.ProfileChange;
import dev.kadence.core.user.User;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * A change of the account's zone that may take the user's repeating tasks along: each active series in the old zone
 * moves to the new one keeping its wall time (Monday 09:00 stays Monday 09:00), through the same update a
 * {@code PATCH /tasks/{id}} of its due time and recurrence makes, so every moved instance publishes its
 * {@code task.updated} and its reminders follow. All of it is one transaction.
 */
@Singleton
public class ZoneChanges {
    private final Accounts accounts;
    private final Tasks tasks;
    private final TaskStore store;
    private final SeriesStore series;

    ZoneChanges(Accounts accounts, Tasks tasks, TaskStore store, SeriesStore series) {
        this.accounts = accounts;
        this.tasks = tasks;
        this.store = store;
        this.series = series;
    }

    @Transactional
    public User update(UUID userId, ProfileChange change) {
        ZoneId from = accounts.get(userId).zone();
        User user = accounts.update(userId, change);
        if (change.moveSeries() && !user.zone().equals(from)) {
            move(userId, from, user.zone());
        }
        return user;
    }

    /** How many repeating tasks (active series with an open instance) are in the user's zone: those a move takes. */
    @Transactional
    public int seriesInAccountZone(UUID userId) {
        return store.countOpenSeriesInZone(userId, accounts.get(userId).timezone());
    }

    private void move(UUID userId, ZoneId from, ZoneId to) {
        List<Task> open = store.lockOpenInstancesInZone(userId, from.getId());
        for (int i = 0; i < open.size(); i++) {
            Task task = open.get(i);
            boolean latest = i + 1 == open.size() || !open.get(i + 1).seriesId().equals(task.seriesId());
            Instant due = task.dueAt().atZone(from).toLocalDateTime().atZone(to).toInstant();
            RecurrenceSpec recurrence = latest ? series.find(task.seriesId()).map(s -> respec(s, to)).orElse(null) : null;
            tasks.update(userId, task.id(), moved(due, recurrence));
        }
    }

    private static RecurrenceSpec respec(Series s, ZoneId to) {
        return new RecurrenceSpec(s.rule(), to, s.mode());
    }

    /** A patch of the due time and, for a series' latest instance, its recurrence (null: not stated). */
    private static TaskDraft moved(Instant due, RecurrenceSpec recurrence) {
        var fields = recurrence == null ? EnumSet.of(TaskDraft.Field.DUE_AT) : EnumSet.of(TaskDraft.Field.DUE_AT, TaskDraft.Field.RECURRENCE);
        return new TaskDraft(fields, null, null, null, null, null, null, null, due, recurrence, null);
    }
}
