package dev.kadence.core.event;

import dev.kadence.core.db.Sql;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Writes events into the outbox table, inside the caller's transaction: the state change and its events
 * commit together or not at all. After commit the {@link OutboxRelay} publishes them.
 */
@Singleton
public class Outbox {
    private final Sql sql;
    private final JsonMapper json;
    private final Clock clock;
    private final String source;
    private final ApplicationEventPublisher<OutboxWritten> written;

    Outbox(Sql sql, JsonMapper json, Clock clock, @Value("/kadence/${micronaut.application.name:kadence}") String source,
           ApplicationEventPublisher<OutboxWritten> written) {
        this.sql = sql;
        this.json = json;
        this.clock = clock;
        this.source = source;
        this.written = written;
    }

    /** Adds an event with a fresh id. */
    public UUID add(String topic, String type, UUID key, Object data) {
        return add(UUID.randomUUID(), topic, type, key, data);
    }

    /** Adds an event with an id the caller derived, for events a retry could otherwise produce twice. */
    public UUID add(UUID eventId, String topic, String type, UUID key, Object data) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise event data of " + type, e);
        }
        sql.update("""
            insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, data)
            values (?, ?, ?, ?, ?, ?, ?, ?)""",
            List.of(eventId, topic, key.toString(), type, source, key.toString(), clock.instant(), bytes));
        written.publishEvent(new OutboxWritten());
        return eventId;
    }

    /** Published inside the writing transaction; the relay hears it after commit. */
    public record OutboxWritten() {
    }
}
