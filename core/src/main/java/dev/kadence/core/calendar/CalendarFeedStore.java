package dev.kadence.core.calendar;

import dev.kadence.core.db.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code calendar_feeds}: one per user, the SHA-256 of the feed's token. */
@Singleton
class CalendarFeedStore {
    private final Sql sql;

    CalendarFeedStore(Sql sql) {
        this.sql = sql;
    }

    /** Sets the user's feed to the token of {@code hash}: the previous token, if any, stops working. */
    void put(UUID userId, byte[] hash, Instant now) {
        sql.update("""
            insert into calendar_feeds (user_id, token_hash, created_at) values (?, ?, ?)
            on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at""",
            List.of(userId, hash, now));
    }

    Optional<Instant> createdAt(UUID userId) {
        return sql.one("select created_at from calendar_feeds where user_id = ?", List.of(userId),
            rs -> Sql.instant(rs, "created_at"));
    }

    boolean delete(UUID userId) {
        return sql.update("delete from calendar_feeds where user_id = ?", List.of(userId)) == 1;
    }

    Optional<UUID> owner(byte[] hash) {
        return sql.one("select user_id from calendar_feeds where token_hash = ?", List.of(hash),
            rs -> rs.getObject("user_id", UUID.class));
    }
}
