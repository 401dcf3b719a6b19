package dev.kadence.core.notification;

import dev.kadence.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The notifications table: newest first, keyset-paged by (fire time, id). */
@Singleton
class NotificationStore {
    private final Sql sql;

    NotificationStore(Sql sql) {
        this.sql = sql;
    }

    /** Stores {@code n} unless this firing of its reminder has one already; true if it was stored now. */
    boolean insert(Notification n) {
        return sql.update("""
            insert into notifications (id, user_id, reminder_id, task_id, fire_at, title, due_at, timezone, before_due,
                                       series_id, instance, read_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""",
            List.of(n.id(), n.userId(), n.reminderId(), n.taskId(), n.fireAt(), n.title(), Sql.ts(n.dueAt()), n.timezone(),
                Sql.text(n.beforeDue()), Sql.uuid(n.seriesId()), Sql.integer(n.instance()), Sql.ts(n.readAt()),
                n.createdAt())) == 1;
    }

    Optional<Notification> find(UUID userId, UUID id) {
        return sql.one("select * from notifications where id = ? and user_id = ?", List.of(id, userId), NotificationStore::read);
    }

    /** Marks it read unless it is already: the notification if it was marked now, else empty. */
    Optional<Notification> markRead(UUID userId, UUID id, Instant now) {
        return sql.one("update notifications set read_at = ? where id = ? and user_id = ? and read_at is null returning *",
            List.of(now, id, userId), NotificationStore::read);
    }

    /** Marks every unread notification of the user read: those it marked. */
    List<Notification> markAllRead(UUID userId, Instant now) {
        return sql.list("update notifications set read_at = ? where user_id = ? and read_at is null returning *",
            List.of(now, userId), NotificationStore::read);
    }

    /** Up to {@code limit} of the user's notifications older than {@code after} (null: from the newest). */
    List<Notification> page(UUID userId, boolean unreadOnly, Position after, int limit) {
        StringBuilder q = new StringBuilder("select * from notifications where user_id = ?");
        List<Object> params = new ArrayList<>(List.of(userId));
        if (unreadOnly) {
            q.append(" and read_at is null");
        }
        if (after != null) {
            q.append(" and (fire_at, id) < (?, ?)");
            params.add(after.fireAt());
            params.add(after.id());
        }
        q.append(" order by fire_at desc, id desc limit ?");
        params.add(limit);
        return sql.list(q.toString(), params, NotificationStore::read);
    }

    long unread(UUID userId) {
        return sql.one("select count(*) from notifications where user_id = ? and read_at is null", List.of(userId),
            rs -> rs.getLong(1)).orElse(0L);
    }

    /** Where a page ended: the last notification's fire time and id. */
    record Position(Instant fireAt, UUID id) {
    }

    private static Notification read(ResultSet rs) throws SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
            rs.getObject("reminder_id", UUID.class), rs.getObject("task_id", UUID.class), Sql.instant(rs, "fire_at"),
            rs.getString("title"), Sql.instant(rs, "due_at"), rs.getString("timezone"), rs.getString("before_due"),
            rs.getObject("series_id", UUID.class), (Integer) rs.getObject("instance"), Sql.instant(rs, "read_at"),
            Sql.instant(rs, "created_at"));
    }
}
