package dev.kadence.core.reminder;

import dev.kadence.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class ReminderStore {
    private final Sql sql;

    ReminderStore(Sql sql) {
        this.sql = sql;
    }

    public void insert(Reminder r) {
        sql.update("""
            insert into reminders (id, task_id, user_id, at, before_due, fire_at, status, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            List.of(r.id(), r.taskId(), r.userId(), Sql.ts(r.at()), Sql.text(r.beforeDue()), r.fireAt(), r.status().wire(),
                r.createdAt(), r.updatedAt()));
    }

    public void setStatus(UUID id, ReminderStatus status, Instant now) {
        sql.update("update reminders set status = ?, updated_at = ? where id = ?", List.of(status.wire(), now, id));
    }

    public void setFireAt(UUID id, Instant fireAt, Instant now) {
        sql.update("update reminders set fire_at = ?, updated_at = ? where id = ?", List.of(fireAt, now, id));
    }

    /**
     * Arms a relative reminder again for its task's new due time: pending at {@code fireAt}, whatever it did for the
     * previous one. Whoever later moves it on (fired, delivered) must match its fire time too, so news about the
     * previous firing cannot overwrite this one.
     */
    public void rearm(UUID id, Instant fireAt, Instant now) {
        sql.update("update reminders set status = 'pending', fire_at = ?, updated_at = ? where id = ? and before_due is not null",
            List.of(fireAt, now, id));
    }

    /**
     * Settles the firing of reminder {@code id} at {@code fireAt}: fired -> {@code status} (delivered or suppressed).
     * A reminder rearmed since (another fire time) or already settled is left as it is.
     */
    public void settle(UUID id, Instant fireAt, ReminderStatus status, Instant now) {
        sql.update("update reminders set status = ?, updated_at = ? where id = ? and fire_at = ? and status = 'fired'",
            List.of(status.wire(), now, id, fireAt));
    }

    /** The reminders of these tasks that are still of interest (everything but cancelled), soonest first. */
    public List<Reminder> ofTasks(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return sql.list("select * from reminders where task_id = any(?) and status <> 'cancelled' order by fire_at, id",
            List.of((Object) taskIds.toArray(UUID[]::new)), ReminderStore::read);
    }

    public List<Reminder> ofUser(UUID userId, ReminderStatus status) {
        if (status == null) {
            return sql.list("select * from reminders where user_id = ? order by fire_at, id limit 1000",
                List.of(userId), ReminderStore::read);
        }
        return sql.list("select * from reminders where user_id = ? and status = ? order by fire_at, id limit 1000",
            List.of(userId, status.wire()), ReminderStore::read);
    }

    public Optional<Reminder> find(UUID userId, UUID id) {
        return sql.one("select * from reminders where id = ? and user_id = ?", List.of(id, userId), ReminderStore::read);
    }

    public Optional<Reminder> lock(UUID userId, UUID id) {
        return sql.one("select * from reminders where id = ? and user_id = ? for update", List.of(id, userId), ReminderStore::read);
    }

    /** A reminder by id alone (for the system's clock, which acts for every user). */
    public Optional<Reminder> findById(UUID id) {
        return sql.one("select * from reminders where id = ?", List.of(id), ReminderStore::read);
    }

    /** A reminder by id alone, locked until the transaction ends. */
    public Optional<Reminder> lockById(UUID id) {
        return sql.one("select * from reminders where id = ? for update", List.of(id), ReminderStore::read);
    }

    /** Every reminder of a task, cancelled ones included. */
    public List<Reminder> allOfTask(UUID taskId) {
        return sql.list("select * from reminders where task_id = ? order by fire_at, id", List.of(taskId), ReminderStore::read);
    }

    /** Pending reminders whose fire time is in {@code (from, to]}, soonest first. */
    public List<Reminder> pendingBetween(Instant from, Instant to, int limit) {
        return sql.list("""
            select * from reminders where status = 'pending' and fire_at > ? and fire_at <= ? order by fire_at, id limit ?""",
            List.of(from, to, limit), ReminderStore::read);
    }

    /** Pending reminders of tasks that are not done, falling due in (from, to]: those that should have a job. */
    public List<Reminder> pendingOfOpenTasksBetween(Instant from, Instant to, int limit) {
        return sql.list("""
            select r.* from reminders r join tasks t on t.id = r.task_id
            where r.status = 'pending' and t.status <> 'done' and r.fire_at > ? and r.fire_at <= ?
            order by r.fire_at, r.id limit ?""",
            List.of(from, to, limit), ReminderStore::read);
    }

    static Reminder read(ResultSet rs) throws SQLException {
        return new Reminder(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
            rs.getObject("user_id", UUID.class), Sql.instant(rs, "at"), rs.getString("before_due"),
            Sql.instant(rs, "fire_at"), ReminderStatus.ofWire(rs.getString("status")), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
