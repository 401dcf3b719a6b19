package dev.kadence.core.tag;

import dev.kadence.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code tags} table: a user's tag names, unique per user. */
@Singleton
class TagStore {
    private static final String COLUMNS = "id, user_id, name, created_at";

    private final Sql sql;

    TagStore(Sql sql) {
        this.sql = sql;
    }

    List<Tag> listOf(UUID userId) {
        return sql.list("select " + COLUMNS + " from tags where user_id = ? order by name", List.of(userId), TagStore::tag);
    }

    Optional<Tag> find(UUID id, UUID userId) {
        return sql.one("select " + COLUMNS + " from tags where id = ? and user_id = ?", List.of(id, userId), TagStore::tag);
    }

    boolean nameTaken(UUID userId, String name) {
        return sql.one("select 1 from tags where user_id = ? and name = ?", List.of(userId, name), rs -> true).isPresent();
    }

    /** Stores a new tag; false when the user has one of this name (also one stored a moment ago). */
    boolean insert(Tag tag) {
        return sql.update("insert into tags (" + COLUMNS + ") values (?, ?, ?, ?) on conflict (user_id, name) do nothing",
            List.of(tag.id(), tag.userId(), tag.name(), tag.createdAt())) == 1;
    }

    void rename(Tag tag) {
        sql.update("update tags set name = ? where id = ? and user_id = ?", List.of(tag.name(), tag.id(), tag.userId()));
    }

    void delete(Tag tag) {
        sql.update("delete from tags where id = ? and user_id = ?", List.of(tag.id(), tag.userId()));
    }

    private static Tag tag(ResultSet rs) throws SQLException {
        return new Tag(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
            Sql.instant(rs, "created_at"));
    }
}
