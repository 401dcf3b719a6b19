package dev.kadence.core.notification;

import dev.kadence.core.db.Sql;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What each user's open streams carry. Appending happens in the transaction of the change it reports, and wakes every
 * notify instance's streams of that user through PostgreSQL {@code NOTIFY} on {@link #CHANNEL} (sent on commit, with
 * the user id as payload). Ids increase per user in commit order, so "everything after id N" is a complete replay.
 */
@Singleton
public class StreamEvents {
    public static final String CHANNEL = "kadence_stream";
    public static final String NOTIFICATION = "notification";
    public static final String TASK = "task";

    private final Sql sql;
    private final JsonMapper json;
    private final Clock clock;

    StreamEvents(Sql sql, JsonMapper json, Clock clock) {
        this.sql = sql;
        this.json = json;
        this.clock = clock;
    }

    /** One event of a user's stream: its SSE id, event name and JSON data. */
    public record StreamEvent(long id, String kind, String data) {
    }

    /** Appends {@code data} (serialized as JSON) to the user's stream, in the caller's transaction. */
    @Transactional
    public OptionalLong append(UUID userId, String kind, Object data) {
        try {
            return appendJson(userId, kind, json.writeValueAsString(data));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a " + kind + " stream event as JSON", e);
        }
    }

    /**
     * Appends JSON that is already written, e.g. an event's {@code data} passed through as it came.
     *
     * @return the event's id, or empty if the user no longer exists (nobody to tell)
     */
    @Transactional
    public OptionalLong appendJson(UUID userId, String kind, String data) {
        // Held to commit: a later id of this user cannot become visible before an earlier one.
        sql.list("select pg_advisory_xact_lock(hashtextextended(?, 0))", List.of("stream:" + userId), rs -> 1);
        Optional<Long> id = sql.one("""
            insert into stream_events (user_id, kind, data, created_at)
            select ?, ?, ?, ? where exists (select 1 from users where id = ?)
            returning id""", List.of(userId, kind, data, clock.instant(), userId), rs -> rs.getLong(1));
        if (id.isEmpty()) {
            return OptionalLong.empty();
        }
        sql.list("select pg_notify(?, ?)", List.of(CHANNEL, userId.toString()), rs -> 1);
        return OptionalLong.of(id.get());
    }

    /** Up to {@code limit} events of the user after {@code afterId}, oldest first. */
    @Transactional
    public List<StreamEvent> after(UUID userId, long afterId, int limit) {
        return sql.list("select id, kind, data from stream_events where user_id = ? and id > ? order by id limit ?",
            List.of(userId, afterId, limit), rs -> new StreamEvent(rs.getLong("id"), rs.getString("kind"), rs.getString("data")));
    }

    /** The id of the user's newest event (0 if none): a new stream without Last-Event-ID starts after it. */
    @Transactional
    public long last(UUID userId) {
        return sql.one("select coalesce(max(id), 0) from stream_events where user_id = ?", List.of(userId),
            rs -> rs.getLong(1)).orElse(0L);
    }

    /** Forgets events older than {@code before}: a browser away longer than that reloads instead of replaying. */
    @Transactional
    public int prune(Instant before) {
        return sql.update("delete from stream_events where created_at < ?", List.of(before));
    }
}
