package dev.kadence.core.event;

import dev.kadence.core.db.Sql;
import dev.kadence.core.web.PlatformHttp;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes outbox rows as binary-mode CloudEvents, each POSTed to the KafkaSink of its topic, and deletes the rows a
 * sink answered 2xx for (it does so only once Kafka has the record). One task's rows go one after another in id
 * order, and a row that fails holds back that task's later rows; different tasks' rows go at the same time. Woken
 * right after each commit that wrote rows, and by a slow poll for rows nobody woke it for. Rows a sink did not take
 * stay and are retried with backoff, so nothing is lost while a sink or its broker is down; a row goes out twice only
 * if the sink wrote it but its answer was lost (consumers dedupe on {@code ce-id}).
 * One relay at a time holds an advisory lock, so several instances never reorder one task's events.
 */
@Singleton
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x6b6164656e6365L; // "kadence"
    private static final int BATCH = 200;
    private static final Duration WARM_UP_AFTER = Duration.ofSeconds(1);

    private final TransactionOperations<Connection> tx;
    private final Sql sql;
    private final SinkSettings settings;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private HttpClient client;
    private int failures;

    OutboxRelay(TransactionOperations<Connection> tx, Sql sql, SinkSettings settings) {
        this.tx = tx;
        this.sql = sql;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        long poll = settings.pollInterval().toMillis();
        executor.schedule(this::warmUp, WARM_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::wake, poll, poll, TimeUnit.MILLISECONDS);
    }

    /**
     * Makes the HTTP client in the background, so that an event a while after a cold start does not wait for it —
     * not at once: on the one CPU a pod has, building it (~50 ms of CPU) would slow the start and its first request,
     * whose events make it on demand anyway.
     */
    private void warmUp() {
        client();
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
     * Sends up to one batch and deletes exactly the rows the sinks acknowledged. Rows they did not take stay for the
     * next attempt; rolling back rows they did take would publish them twice.
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
            Outcome outcome = send(rows);
            if (!outcome.acknowledged.isEmpty()) {
                sql.update("delete from outbox where id = any(?)", List.of((Object) outcome.acknowledged.toArray(Long[]::new)));
            }
            return new Batch(outcome.acknowledged.size(), outcome.failure.get());
        });
    }

    /** What the sinks made of one batch: the rows they took, and the first failure. */
    private static final class Outcome {
        final Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        final AtomicReference<Exception> failure = new AtomicReference<>();
    }

    /**
     * Sends every task's rows in order, up to {@code concurrency} tasks at once, and waits until each task's rows are
     * all sent or one of them failed.
     */
    private Outcome send(List<Row> rows) {
        Map<String, List<Row>> byTask = new LinkedHashMap<>();
        rows.forEach(row -> byTask.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row));
        Outcome outcome = new Outcome();
        Semaphore lanes = new Semaphore(Math.max(1, settings.concurrency()));
        List<CompletableFuture<Void>> tasks = new ArrayList<>(byTask.size());
        for (List<Row> taskRows : byTask.values()) {
            lanes.acquireUninterruptibly();
            tasks.add(sendInOrder(taskRows.iterator(), outcome).whenComplete((done, e) -> lanes.release()));
        }
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        LOG.debug("outbox: published {} of {} events", outcome.acknowledged.size(), rows.size());
        return outcome;
    }

    /** Sends the next row once the one before it was acknowledged; after a failure, none of the rest. */
    private CompletableFuture<Void> sendInOrder(Iterator<Row> rows, Outcome outcome) {
        if (!rows.hasNext()) {
            return CompletableFuture.completedFuture(null);
        }
        Row row = rows.next();
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = client().sendAsync(request(row), HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, error) -> {
            Exception failure = error != null ? unreachable(row, error)
                : response.statusCode() / 100 != 2 ? new IOException("KafkaSink " + response.uri() + " answered "
                    + response.statusCode() + " " + abbreviated(response.body())) : null;
            if (failure == null) {
                outcome.acknowledged.add(row.id());
                return sendInOrder(rows, outcome);
            }
            outcome.failure.compareAndSet(null, failure);
            return CompletableFuture.<Void>completedFuture(null);
        }).thenCompose(next -> next);
    }

    private HttpRequest request(Row row) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url(row.topic())).timeout(settings.requestTimeout());
        HttpMessageFactory.createWriter(request::header, body -> request.POST(HttpRequest.BodyPublishers.ofByteArray(body)))
            .writeBinary(row.event());
        return request.build();
    }

    /** Why a row did not reach its sink, with the sink (a ConnectException's own message is often null). */
    private static Exception unreachable(Row row, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return new IOException("the KafkaSink of " + row.topic() + " did not answer: " + cause, cause);
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = PlatformHttp.builder(settings.urls())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
        }
        return client;
    }

    @PreDestroy
    synchronized void close() {
        executor.shutdownNow();
        if (client != null) {
            client.shutdownNow();
        }
    }

    private record Row(long id, UUID eventId, String topic, String key, String type, String source, String subject,
                       Instant time, byte[] data) {
        CloudEvent event() {
            return CloudEventBuilder.v1()
                .withId(eventId.toString())
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("partitionkey", key)
                .withData(data)
                .build();
        }
    }
}
