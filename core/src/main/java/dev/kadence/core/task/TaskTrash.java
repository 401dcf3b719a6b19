package dev.kadence.core.task;

import dev.kadence.core.db.Sql;
import dev.kadence.core.reminder.ReminderSpec;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Rows of {@code task_trash}: deleted tasks as they were, with their pending reminders, restorable for
 * {@link #KEPT}. Every read and write is scoped to the owning user.
 */
@Singleton
class TaskTrash {
    static final Duration KEPT = Duration.ofDays(30);

    /** A task taken out of the trash: the task, the reminders to arm again, and whether its delete stopped its series. */
    record Trashed(Task task, List<ReminderSpec> reminders, boolean seriesStopped) {
    }

    private final Sql sql;

    TaskTrash(Sql sql) {
        this.sql = sql;
    }

    /** Copies the task's row and pending reminders into the trash (before the task is deleted), and purges expired ones. */
    void put(Task task, boolean seriesStopped, Instant now) {
        sql.update("delete from task_trash where user_id = ? and deleted_at < ?", List.of(task.userId(), now.minus(KEPT)));
        sql.update("""
            insert into task_trash (task_id, user_id, task, reminders, series_stopped, deleted_at)
            select t.id, t.user_id, to_jsonb(t) - 'search',
                   coalesce((select jsonb_agg(jsonb_build_object('at', r.at, 'before_due', r.before_due) order by r.fire_at, r.id)
                             from reminders r where r.task_id = t.id and r.status = 'pending'), '[]'::jsonb),
                   ?, ?
            from tasks t where t.id = ? and t.user_id = ?
            on conflict (task_id) do nothing""",
            List.of(seriesStopped, now, task.id(), task.userId()));
    }

    /** Takes the task out of the trash (locked until the transaction ends); empty when it is not there or expired. */
    Optional<Trashed> take(UUID userId, UUID id, Instant now) {
        return sql.one("""
            with taken as (
                delete from task_trash where task_id = ? and user_id = ? and deleted_at >= ?
                returning task, reminders, series_stopped)
            select (jsonb_populate_record(null::tasks, taken.task)).*, taken.series_stopped,
                   array(select coalesce(e ->> 'at', '') from jsonb_array_elements(taken.reminders) e) as reminder_at,
                   array(select coalesce(e ->> 'before_due', '') from jsonb_array_elements(taken.reminders) e) as reminder_before
            from taken""", List.of(id, userId, now.minus(KEPT)), TaskTrash::read);
    }

    /** The user's trash, most recently deleted first. */
    List<Task> list(UUID userId, Instant now, int limit) {
        return sql.list("""
            select (jsonb_populate_record(null::tasks, task)).* from task_trash
            where user_id = ? and deleted_at >= ? order by deleted_at desc, task_id limit ?""",
            List.of(userId, now.minus(KEPT), limit), TaskStore::read);
    }

    private static Trashed read(ResultSet rs) throws SQLException {
        List<String> at = Sql.strings(rs, "reminder_at");
        List<String> before = Sql.strings(rs, "reminder_before");
        List<ReminderSpec> reminders = IntStream.range(0, at.size())
            .mapToObj(i -> at.get(i).isEmpty()
                ? new ReminderSpec(null, before.get(i))
                : new ReminderSpec(OffsetDateTime.parse(at.get(i)).toInstant(), null))
            .toList();
        return new Trashed(TaskStore.read(rs), reminders, rs.getBoolean("series_stopped"));
    }
}
