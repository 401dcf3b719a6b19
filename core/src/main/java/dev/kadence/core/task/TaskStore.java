package dev.kadence.core.task;

import dev.kadence.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code tasks}. Every read and write is scoped to the owning user. */
@Singleton
public class TaskStore {
    private final Sql sql;

    TaskStore(Sql sql) {
        this.sql = sql;
    }

    public void insert(Task t) {
        if (!insertUnlessInstanceExists(t)) {
            throw new IllegalStateException("series " + t.seriesId() + " already has instance " + t.seriesInstance());
        }
    }

    /**
     * Inserts the task unless its series already has an instance with its number.
     *
     * @return false when that instance exists: nothing was inserted
     */
    public boolean insertUnlessInstanceExists(Task t) {
        return sql.update("""
            insert into tasks (id, user_id, title, description, priority, status, tags, due_at, completed_at,
                               series_id, series_instance, missed_count, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (series_id, series_instance) do nothing""",
            List.of(t.id(), t.userId(), t.title(), Sql.text(t.description()), (short) t.priority().rank(),
                t.status().wire(), t.tags().toArray(String[]::new), Sql.ts(t.dueAt()), Sql.ts(t.completedAt()),
                Sql.uuid(t.seriesId()), Sql.integer(t.seriesInstance()), t.missedCount(), t.createdAt(), t.updatedAt())) == 1;
    }

    public void update(Task t) {
        sql.update("""
            update tasks set title = ?, description = ?, priority = ?, status = ?, tags = ?, due_at = ?,
                             completed_at = ?, series_id = ?, series_instance = ?, missed_count = ?,
                             updated_at = ?
            where id = ? and user_id = ?""",
            List.of(t.title(), Sql.text(t.description()), (short) t.priority().rank(), t.status().wire(),
                t.tags().toArray(String[]::new), Sql.ts(t.dueAt()), Sql.ts(t.completedAt()), Sql.uuid(t.seriesId()),
                Sql.integer(t.seriesInstance()), t.missedCount(), t.updatedAt(), t.id(), t.userId()));
    }

    void delete(Task t) {
        sql.update("delete from tasks where id = ? and user_id = ?", List.of(t.id(), t.userId()));
    }

    public Optional<Task> find(UUID userId, UUID id) {
        return sql.one("select * from tasks where id = ? and user_id = ?", List.of(id, userId), TaskStore::read);
    }

    /** A task by id alone, for the system's clock, which acts for every user. */
    public Optional<Task> findById(UUID id) {
        return sql.one("select * from tasks where id = ?", List.of(id), TaskStore::read);
    }

    /**
     * Open instances of active series whose due time, still ahead when the task was last written, is at or before
     * {@code now} and not yet signalled.
     */
    public List<Task> unsignalledDue(Instant now, int limit) {
        return sql.list("""
            select t.* from tasks t join series s on s.id = t.series_id
            where t.series_id is not null and t.status <> 'done' and t.due_at <= ? and t.due_at > t.updated_at
              and s.status = 'active' and not exists (select 1 from due_signals d where d.task_id = t.id and d.due_at = t.due_at)
            order by t.due_at limit ?""", List.of(now, limit), TaskStore::read);
    }

    /** Open instances of active series due in {@code (from, to]}. */
    public List<Task> openInstancesDueBetween(Instant from, Instant to, int limit) {
        return sql.list("""
            select t.* from tasks t join series s on s.id = t.series_id
            where t.series_id is not null and t.status <> 'done' and t.due_at > ? and t.due_at <= ? and s.status = 'active'
            order by t.due_at limit ?""", List.of(from, to, limit), TaskStore::read);
    }

    /** The user's open tasks that have a due time, soonest first, at most {@code limit}. */
    public List<Task> openWithDueTime(UUID userId, int limit) {
        return sql.list("""
            select * from tasks where user_id = ? and status <> 'done' and due_at is not null
            order by due_at, id limit ?""", List.of(userId, limit), TaskStore::read);
    }

    /** The open instances of the user's active series in {@code zone}, locked, by series and instance. */
    List<Task> lockOpenInstancesInZone(UUID userId, String zone) {
        return sql.list("""
            select t.* from tasks t join series s on s.id = t.series_id
            where t.user_id = ? and s.status = 'active' and s.timezone = ? and t.status <> 'done' and t.due_at is not null
            order by t.series_id, t.series_instance for update of t""", List.of(userId, zone), TaskStore::read);
    }

    /** How many of the user's active series in {@code zone} have an open instance. */
    int countOpenSeriesInZone(UUID userId, String zone) {
        return sql.one("""
            select count(distinct s.id) from tasks t join series s on s.id = t.series_id
            where t.user_id = ? and s.status = 'active' and s.timezone = ? and t.status <> 'done'""",
            List.of(userId, zone), rs -> rs.getInt(1)).orElse(0);
    }

    /** The series' open instances after instance {@code instance}, locked. */
    List<Task> lockOpenInstancesAfter(UUID seriesId, int instance) {
        return sql.list("""
            select * from tasks where series_id = ? and series_instance > ? and status <> 'done' order by series_instance
            for update""", List.of(seriesId, instance), TaskStore::read);
    }

    /** The task, locked until the transaction ends, so concurrent changes to one task serialise. */
    public Optional<Task> lock(UUID userId, UUID id) {
        return sql.one("select * from tasks where id = ? and user_id = ? for update", List.of(id, userId), TaskStore::read);
    }

    /** Locks the user's tasks carrying a tag, for a rename or delete of that tag. */
    List<Task> lockTagged(UUID userId, String tag) {
        return sql.list("select * from tasks where user_id = ? and tags @> ? order by id for update",
            List.of(userId, new String[] {tag}), TaskStore::read);
    }

    static Task read(ResultSet rs) throws SQLException {
        return new Task(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("title"),
            rs.getString("description"), Priority.ofRank(rs.getShort("priority")), Status.ofWire(rs.getString("status")),
            Sql.strings(rs, "tags"), Sql.instant(rs, "due_at"), Sql.instant(rs, "completed_at"),
            rs.getObject("series_id", UUID.class), rs.getObject("series_instance", Integer.class), rs.getInt("missed_count"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"));
    }
}
