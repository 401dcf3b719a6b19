package dev.kadence.core.event;

import dev.kadence.core.db.Sql;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka as binary-mode CloudEvents, in id order, and deletes the rows the broker
 * acknowledged. Woken right after each commit that wrote rows, and by a slow poll for rows nobody woke it
 * for. Rows the broker did not take stay and are retried with backoff, so nothing is lost while it is down;
 * a row goes out twice only if the broker took it but its acknowledgement was lost (consumers dedupe on
 * {@code ce-id}).
 * One relay at a time holds an advisory lock, so several instances never reorder one task's events.
 */
@Singleton
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x6b6164656e6365L; // "kadence"
    private static final int BATCH = 200;

    private final TransactionOperations<Connection> tx;
    private final Sql sql;
    private final KafkaSettings settings;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private Producer<String, byte[]> producer;
    private int failures;

    OutboxRelay(TransactionOperations<Connection> tx, Sql sql, KafkaSettings settings) {
        this.tx = tx;
        this.sql = sql;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        long poll = settings.pollInterval().toMillis();
        executor.execute(this::warmUp);
        executor.scheduleWithFixedDelay(this::wake, poll, poll, TimeUnit.MILLISECONDS);
    }

    /**
     * Connects the producer and learns the topics' partitions in the background, so the first event after a
     * cold start does not pay for it. A broker that is not there yet costs nothing: the first publish retries.
     */
    private void warmUp() {
        try {
            Topics.ALL.forEach(topic -> producer().partitionsFor(topic));
        } catch (RuntimeException e) {
            LOG.info("outbox: broker not reachable yet ({}); events wait in the outbox", e.getMessage());
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onWritten(Outbox.OutboxWritten event) {
        wake();
    }

    /** Asks for a drain soon; many wakes while one is queued collapse into one. */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        queued.set(false);
        try {
            Batch batch;
            do {
                batch = publishBatch();
            } while (batch.failure() == null && batch.published() == BATCH);
            if (batch.failure() != null) {
                retryLater(batch.failure());
            } else {
                failures = 0;
            }
        } catch (RuntimeException e) {
            retryLater(e);
        }
    }

    private void retryLater(Exception e) {
        failures++;
        long delay = Math.min(settings.maxBackoff().toMillis(), 250L << Math.min(failures, 10));
        LOG.warn("outbox: publishing failed ({}), retry {} in {} ms", e.getMessage(), failures, delay);
        executor.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
    }

    private record Batch(int published, Exception failure) {
    }

    /**
     * Sends up to one batch and deletes exactly the rows the broker acknowledged. Rows it did not take stay
     * for the next attempt; rolling back rows it did take would publish them twice.
     */
    private Batch publishBatch() {
        return tx.executeWrite(status -> {
            boolean locked = sql.one("select pg_try_advisory_xact_lock(?)", List.of(LOCK_KEY), rs -> rs.getBoolean(1)).orElse(false);
            if (!locked) {
                return new Batch(0, null);
            }
            List<Row> rows = sql.list("select * from outbox order by id limit " + BATCH, List.of(), rs -> new Row(
                rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("topic"), rs.getString("message_key"),
                rs.getString("type"), rs.getString("source"), rs.getString("subject"), Sql.instant(rs, "occurred_at"),
                rs.getBytes("data")));
            if (rows.isEmpty()) {
                return new Batch(0, null);
            }
            List<Long> acknowledged = new ArrayList<>(rows.size());
            Exception failure = send(rows, acknowledged);
            if (!acknowledged.isEmpty()) {
                sql.update("delete from outbox where id = any(?)", List.of((Object) acknowledged.toArray(Long[]::new)));
            }
            return new Batch(acknowledged.size(), failure);
        });
    }

    /** Sends every row, waits for all outcomes, and returns the first failure (null when all were taken). */
    private Exception send(List<Row> rows, List<Long> acknowledged) {
        Producer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        Exception failure = null;
        for (Row row : rows) {
            try {
                acks.add(p.send(row.record()));
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
            }
        }
        p.flush();   // returns once every send above has succeeded or failed for good
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).id());
            } catch (ExecutionException e) {
                failure = failure == null ? (Exception) e.getCause() : failure;
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        LOG.debug("outbox: published {} of {} events", acknowledged.size(), rows.size());
        return failure;
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            int timeout = (int) settings.sendTimeout().toMillis();
            Map<String, Object> props = new HashMap<>(settings.clientProperties());
            props.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout * 2,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"));
            producer = new KafkaProducer<>(props,
                new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        executor.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    private record Row(long id, UUID eventId, String topic, String key, String type, String source, String subject,
                       Instant time, byte[] data) {
        ProducerRecord<String, byte[]> record() {
            CloudEvent event = CloudEventBuilder.v1()
                .withId(eventId.toString())
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("partitionkey", key)
                .withData(data)
                .build();
            return KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
        }
    }
}
