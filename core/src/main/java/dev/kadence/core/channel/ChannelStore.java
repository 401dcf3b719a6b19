package dev.kadence.core.channel;

import dev.kadence.core.db.Sql;
import jakarta.inject.Singleton;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The channels table; each channel read with when its next delivery attempt is due. */
@Singleton
class ChannelStore {
    private static final String WITH_NEXT_ATTEMPT = """
        select c.*, (select min(d.next_attempt_at) from channel_deliveries d
                     where d.channel_id = c.id and d.status in ('pending', 'sending')) as next_attempt_at
        from channels c""";

    private final Sql sql;

    ChannelStore(Sql sql) {
        this.sql = sql;
    }

    /** A channel and when its next delivery attempt is due (null: nothing waiting). */
    record Listed(Channel channel, Instant nextAttemptAt) {
    }

    void insert(Channel c) {
        sql.update("""
            insert into channels (id, user_id, type, url, format, secret, address, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""",
            List.of(c.id(), c.userId(), c.type().code(), Sql.text(c.url() == null ? null : c.url().toString()),
                Sql.text(c.format() == null ? null : c.format().code()), Sql.text(c.secret()), Sql.text(c.address()),
                c.createdAt()));
    }

    List<Listed> list(UUID userId) {
        return sql.list(WITH_NEXT_ATTEMPT + " where c.user_id = ? order by c.created_at, c.id", List.of(userId), ChannelStore::listed);
    }

    int count(UUID userId) {
        return sql.one("select count(*) from channels where user_id = ?", List.of(userId), rs -> rs.getInt(1)).orElse(0);
    }

    Optional<Listed> find(UUID userId, UUID id) {
        return sql.one(WITH_NEXT_ATTEMPT + " where c.id = ? and c.user_id = ?", List.of(id, userId), ChannelStore::listed);
    }

    /** Any user's channel, for the relay. */
    Optional<Channel> byId(UUID id) {
        return sql.one("select * from channels where id = ?", List.of(id), ChannelStore::read);
    }

    boolean pause(UUID userId, UUID id, Instant now, String reason) {
        return sql.update("update channels set paused_at = coalesce(paused_at, ?), paused_reason = coalesce(paused_reason, ?) "
            + "where id = ? and user_id = ?", List.of(now, reason, id, userId)) == 1;
    }

    /** Active again, its failure count cleared, and what waited while it was paused due now. */
    boolean resume(UUID userId, UUID id, Instant now) {
        if (sql.update("update channels set paused_at = null, paused_reason = null, consecutive_failures = 0 "
            + "where id = ? and user_id = ?", List.of(id, userId)) == 0) {
            return false;
        }
        sql.update("update channel_deliveries set next_attempt_at = ? where channel_id = ? and status = 'pending'",
            List.of(now, id));
        return true;
    }

    boolean delete(UUID userId, UUID id) {
        return sql.update("delete from channels where id = ? and user_id = ?", List.of(id, userId)) == 1;
    }

    void succeeded(UUID id, Instant now) {
        sql.update("update channels set consecutive_failures = 0, last_error = null, last_success_at = ? where id = ?",
            List.of(now, id));
    }

    /** Counts a failure; pauses the channel when it has failed too often in a row. Its failures in a row now. */
    int failed(UUID id, String error, Instant now) {
        int failures = sql.one("update channels set consecutive_failures = consecutive_failures + 1, last_error = ? "
            + "where id = ? returning consecutive_failures", List.of(error, id), rs -> rs.getInt(1)).orElse(0);
        if (RetrySchedule.pauses(failures)) {
            sql.update("update channels set paused_at = coalesce(paused_at, ?), paused_reason = coalesce(paused_reason, ?) where id = ?",
                List.of(now, "paused after " + failures + " failed deliveries in a row; last: " + error, id));
        }
        return failures;
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        return new Listed(read(rs), Sql.instant(rs, "next_attempt_at"));
    }

    private static Channel read(ResultSet rs) throws SQLException {
        String url = rs.getString("url");
        String format = rs.getString("format");
        return new Channel(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
            ChannelType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)), url == null ? null : URI.create(url),
            format == null ? null : WebhookFormat.valueOf(format.toUpperCase(Locale.ROOT)), rs.getString("secret"),
            rs.getString("address"), Sql.instant(rs, "paused_at"), rs.getString("paused_reason"),
            rs.getInt("consecutive_failures"), rs.getString("last_error"), Sql.instant(rs, "last_success_at"),
            Sql.instant(rs, "created_at"));
    }
}
