package dev.kadence.core.activity;

import dev.kadence.core.db.Sql;
import dev.kadence.core.task.TaskView;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The activity and activity_snapshots tables (V10__activity_log.sql): entries newest first, keyset-paged by (at, id). */
@Singleton
class ActivityStore {
    private static final Argument<List<ActivityEntry.Change>> CHANGES = Argument.listOf(ActivityEntry.Change.class);

    private final Sql sql;
    private final JsonMapper json;

    ActivityStore(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /**
     * Stores {@code entry} of event {@code eventId} unless that event has one already, or its user is gone (an event
     * delivered after its user was deleted has nothing to add to).
     */
    void insert(UUID userId, String eventId, ActivityEntry entry) {
        sql.update("""
            insert into activity (id, user_id, task_id, event_id, type, at, actor, changes)
            select ?, id, ?, ?, ?, ?, ?, ?::jsonb from users where id = ?
            on conflict (event_id) do nothing""",
            List.of(entry.id(), entry.taskId(), eventId, entry.type(), entry.at(), Sql.text(entry.actor()),
                write(entry.changes()), userId));
    }

    Optional<TaskView> snapshot(UUID taskId) {
        return sql.one("select task::text from activity_snapshots where task_id = ?", List.of(taskId),
            rs -> read(rs.getString(1), Argument.of(TaskView.class)));
    }

    void keepSnapshot(UUID userId, UUID taskId, TaskView task) {
        sql.update("""
            insert into activity_snapshots (task_id, user_id, task) select ?, id, ?::jsonb from users where id = ?
            on conflict (task_id) do update set task = excluded.task""", List.of(taskId, write(task), userId));
    }

    void dropSnapshot(UUID taskId) {
        sql.update("delete from activity_snapshots where task_id = ?", List.of(taskId));
    }

    /** Whether the user has entries about {@code taskId}. */
    boolean any(UUID userId, UUID taskId) {
        return sql.one("select 1 from activity where user_id = ? and task_id = ? limit 1", List.of(userId, taskId),
            rs -> true).isPresent();
    }

    /** Up to {@code limit} of the user's entries (about {@code taskId} only, unless null) older than {@code after}. */
    List<ActivityEntry> page(UUID userId, UUID taskId, Position after, int limit) {
        StringBuilder q = new StringBuilder("select * from activity where user_id = ?");
        List<Object> params = new ArrayList<>(List.of(userId));
        if (taskId != null) {
            q.append(" and task_id = ?");
            params.add(taskId);
        }
        if (after != null) {
            q.append(" and (at, id) < (?, ?)");
            params.add(after.at());
            params.add(after.id());
        }
        q.append(" order by at desc, id desc limit ?");
        params.add(limit);
        return sql.list(q.toString(), params, this::entry);
    }

    /** Where a page ended: its last entry's time and id. */
    record Position(Instant at, UUID id) {
    }

    private ActivityEntry entry(ResultSet rs) throws SQLException {
        return new ActivityEntry(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class), rs.getString("type"),
            Sql.instant(rs, "at"), rs.getString("actor"), read(rs.getString("changes"), CHANGES));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
