package dev.kadence.core.inbox;

import dev.kadence.core.db.Sql;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.Waits;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox against a real PostgreSQL: one record per (consumer, event), committed with the effect or not at all. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxTest implements TestPropertyProvider {
    private static final String CONSUMER = "inbox-test";

    @Inject
    Inbox inbox;
    @Inject
    Sql sql;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestInfra.properties());
        properties.put("datasources.default.dialect", "POSTGRES");
        return properties;
    }

    @Test
    void recordTellsWhetherAnEventIsNewToAConsumer() {
        String id = UUID.randomUUID().toString();

        assertThat(record(CONSUMER, id)).isTrue();
        assertThat(record(CONSUMER, id)).isFalse();
        assertThat(record("another-consumer", id)).isTrue();
        assertThat(recorded(CONSUMER, id)).isEqualTo(1);
    }

    @Test
    void anEventIsAppliedOnceHoweverOftenItIsDelivered() {
        CloudEvent event = event();
        AtomicInteger applied = new AtomicInteger();

        assertThat(inbox.process(CONSUMER, event, e -> applied.incrementAndGet())).isEqualTo(Outcome.done());
        assertThat(inbox.process(CONSUMER, event, e -> applied.incrementAndGet())).isEqualTo(Outcome.duplicate());

        assertThat(applied).hasValue(1);
        assertThat(recorded(CONSUMER, event.getId())).isEqualTo(1);
    }

    @Test
    void aFailedEffectLeavesNoRecordAndNoPartOfItself() {
        CloudEvent event = event();

        Outcome failed = inbox.process(CONSUMER, event, e -> {
            sql.update("insert into processed_events (consumer, event_id, processed_at) values ('effect-marker', ?, now())",
                List.of(e.getId()));
            throw new IllegalStateException("crash between the effect and the commit");
        });

        assertThat(failed.outcome()).isEqualTo(Outcome.Kind.RETRY);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(recorded(CONSUMER, event.getId())).isZero();
        assertThat(recorded("effect-marker", event.getId())).isZero();
        // delivered again, it is processed as new
        assertThat(inbox.process(CONSUMER, event, e -> { })).isEqualTo(Outcome.done());
    }

    @Test
    void anEventTheEffectCanNeverProcessIsRejectedAndNotRecorded() {
        CloudEvent event = event();

        Outcome outcome = inbox.process(CONSUMER, event, e -> {
            throw new UnprocessableEvent("data can never be valid");
        });

        assertThat(outcome).isEqualTo(Outcome.rejected("data can never be valid"));
        assertThat(recorded(CONSUMER, event.getId())).isZero();
    }

    @Test
    void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        CloudEvent event = event();
        AtomicInteger applied = new AtomicInteger();
        int deliveries = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(deliveries)) {
            for (int i = 0; i < deliveries; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return inbox.process(CONSUMER, event, e -> {
                        applied.incrementAndGet();
                        Waits.await("another delivery waits on this one's record", Duration.ofSeconds(10), () -> waitingOnALock() > 0);
                    });
                }));
            }
            start.countDown();
            List<Outcome> results = new ArrayList<>();
            for (Future<Outcome> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(o -> o.equals(Outcome.done())).hasSize(1);
            assertThat(results).filteredOn(o -> o.equals(Outcome.duplicate())).hasSize(deliveries - 1);
        }
        assertThat(applied).hasValue(1);
        assertThat(recorded(CONSUMER, event.getId())).isEqualTo(1);
    }

    @Test
    void anUnavailableDatabaseMeansDeliverAgainNeverReject() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ApplicationContext down = ApplicationContext.run(Map.of(
            "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/kadence",
            "datasources.default.username", "postgres",
            "datasources.default.dialect", "POSTGRES",
            "datasources.default.connection-timeout", "500",
            "datasources.default.initialization-fail-timeout", "-1",
            "kadence.sinks.poll-interval", "1h"))) {

            Outcome outcome = down.getBean(Inbox.class).process(CONSUMER, event(), e -> { });

            assertThat(outcome.outcome()).isEqualTo(Outcome.Kind.RETRY);
            assertThat(outcome.status()).isEqualTo(503);
        }
    }

    private boolean record(String consumer, String id) {
        return tx.executeWrite(s -> inbox.record(consumer, id));
    }

    private long recorded(String consumer, String id) {
        return tx.executeRead(s -> sql.one("select count(*) from processed_events where consumer = ? and event_id = ?",
            List.of(consumer, id), rs -> rs.getLong(1)).orElseThrow());
    }

    private static CloudEvent event() {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/kadence/test"))
            .withType("dev.kadence.task.completed").withSubject(UUID.randomUUID().toString()).build();
    }

    /** Sessions blocked on a lock: deliveries of the same event waiting for this one's uncommitted record. */
    /**
     * Backends waiting on a lock now. This runs inside the first delivery's transaction, where PostgreSQL reads
     * pg_stat_activity once and keeps that snapshot: without clearing it, a first look taken before the other
     * deliveries reached the lock would be all this wait ever saw.
     */
    private long waitingOnALock() {
        sql.list("select pg_stat_clear_snapshot()", List.of(), rs -> 0);
        return sql.one("select count(*) from pg_stat_activity where wait_event_type = 'Lock'", List.of(),
            rs -> rs.getLong(1)).orElseThrow();
    }
}
