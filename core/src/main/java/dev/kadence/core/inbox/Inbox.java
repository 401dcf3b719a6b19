package dev.kadence.core.inbox;

import dev.kadence.core.db.Sql;
import dev.kadence.core.error.KadenceException;
import io.cloudevents.CloudEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The consumer side of at-least-once delivery. Each consumer records {@code (consumer, ce-id)} in
 * {@code processed_events} in the same transaction as the event's side effect: a crash between the two
 * cannot lose the effect or apply it twice, and a redelivered event finds its record and does nothing.
 */
@Singleton
public class Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final TransactionOperations<Connection> tx;
    private final Sql sql;
    private final Clock clock;

    Inbox(TransactionOperations<Connection> tx, Sql sql, Clock clock) {
        this.tx = tx;
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} processes event {@code eventId}, in the caller's transaction. Concurrent
     * deliveries of one event wait for each other here; all but the first see it recorded.
     *
     * @return true if the event is new to this consumer, false if it was processed before
     */
    public boolean record(String consumer, String eventId) {
        return sql.update("""
            insert into processed_events (consumer, event_id, processed_at) values (?, ?, ?)
            on conflict do nothing""", List.of(consumer, eventId, clock.instant())) == 1;
    }

    /**
     * Processes {@code event} once for {@code consumer}: records it and runs {@code effect} in one transaction,
     * or does nothing if it was processed before. A {@link KadenceException} with a 4xx code from the effect
     * (e.g. {@link UnprocessableEvent}) rejects the event; any other failure, such as the database being
     * unavailable, asks for it again. Either way the transaction rolls back and nothing is recorded.
     */
    public Outcome process(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        try {
            boolean fresh = tx.executeWrite(status -> {
                if (!record(consumer, event.getId())) {
                    return false;
                }
                effect.accept(event);
                return true;
            });
            return fresh ? Outcome.done() : Outcome.duplicate();
        } catch (KadenceException e) {
            if (e.code().status() < 500) {
                return Outcome.rejected(e.getMessage(), e.errors());
            }
            return failed(consumer, event, e);
        } catch (RuntimeException e) {
            return failed(consumer, event, e);
        }
    }

    private static Outcome failed(String consumer, CloudEvent event, RuntimeException e) {
        LOG.warn("{}: processing {} {} failed; it will be delivered again", consumer, event.getType(), event.getId(), e);
        return Outcome.retry("the event could not be processed now (" + e.getClass().getSimpleName() + ")");
    }
}
