package dev.kadence.core.recurrence;

import dev.kadence.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class SeriesStore {
    private final Sql sql;

    SeriesStore(Sql sql) {
        this.sql = sql;
    }

    public void insert(Series s) {
        sql.update("""
            insert into series (id, user_id, rule, timezone, mode, start_at, status, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            List.of(s.id(), s.userId(), s.rule(), s.timezone(), s.mode().wire(), s.startAt(), s.status().wire(), s.createdAt(), s.updatedAt()));
    }

    public void update(Series s) {
        sql.update("""
            update series set rule = ?, timezone = ?, mode = ?, start_at = ?, status = ?, updated_at = ?
            where id = ?""",
            List.of(s.rule(), s.timezone(), s.mode().wire(), s.startAt(), s.status().wire(), s.updatedAt(), s.id()));
    }

    public Optional<Series> find(UUID id) {
        return sql.one("select * from series where id = ?", List.of(id), SeriesStore::read);
    }

    /** The series, locked until the transaction ends: work on one series (next instance, missed occurrence) serialises. */
    public Optional<Series> lock(UUID id) {
        return sql.one("select * from series where id = ? for update", List.of(id), SeriesStore::read);
    }

    public List<Series> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("select * from series where id = any(?)", List.of((Object) ids.toArray(UUID[]::new)), SeriesStore::read);
    }

    static Series read(ResultSet rs) throws SQLException {
        return new Series(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("rule"),
            rs.getString("timezone"), Mode.ofWire(rs.getString("mode")), Sql.instant(rs, "start_at"),
            Series.Status.ofWire(rs.getString("status")), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
