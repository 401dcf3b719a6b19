package dev.kadence.core.inbox;

import dev.kadence.core.db.Sql;
import dev.kadence.core.logging.KadenceLogs;
import dev.kadence.core.logging.LogEvent;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.Http;
import dev.kadence.testkit.KafkaSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every function fed by a KafkaSource promises at {@code POST /events}, run by each function against its
 * own running server and the real test infrastructure: events posted exactly as a KafkaSource posts them are
 * processed once per consumer, redeliveries are harmless, and what can never be processed is a 400 that
 * records nothing. A function's test extends this, annotated {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EventEndpointContract implements TestPropertyProvider {
    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper json;
    @Inject
    protected Sql sql;
    @Inject
    protected TransactionOperations<Connection> tx;

    private final List<LogEvent> log = new CopyOnWriteArrayList<>();
    private AutoCloseable listening;

    /** The consumer name the function records its events under. */
    protected abstract String consumer();

    /** A type the function's KafkaSource delivers. */
    protected abstract String eventType();

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    @BeforeEach
    void captureLog() {
        log.clear();
        listening = KadenceLogs.listen(log::add);
    }

    @AfterEach
    void releaseLog() throws Exception {
        listening.close();
    }

    @Test
    void aBinaryEventAsAKafkaSourceSendsItIsProcessedAndRecorded() {
        Map<String, String> event = kafkaSourceHeaders(eventType());

        Reply reply = post(event, data(event));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.outcome()).isEqualTo("done");
        assertThat(recorded(event.get("ce-id"))).isEqualTo(1);
        assertThat(received(event)).containsExactly(receivedLine(event) + ": done");
    }

    @Test
    void theLineAboutAnEventCarriesItsIdTypeTaskAndUser() {
        Map<String, String> event = kafkaSourceHeaders(eventType());
        String user = UUID.randomUUID().toString();

        Reply reply = post(event, write(Map.of("task_id", event.get("ce-subject"), "user_id", user)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, String> fields = log.stream().filter(line -> line.message().startsWith(receivedLine(event)))
            .findFirst().orElseThrow().mdc();
        assertThat(fields).containsEntry("ce_id", event.get("ce-id")).containsEntry("ce_type", event.get("ce-type"))
            .containsEntry("task_id", event.get("ce-subject")).containsEntry("user_id", user)
            .containsKey("request_id");   // the HTTP request that delivered it, on the thread that handled it
    }

    @Test
    void aRedeliveredEventIsAnsweredAndLoggedAsADuplicate() {
        Map<String, String> event = kafkaSourceHeaders(eventType());

        Reply first = post(event, data(event));
        Reply second = post(event, data(event));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(first.outcome()).isEqualTo("done");
        assertThat(second.outcome()).isEqualTo("duplicate");
        assertThat(recorded(event.get("ce-id"))).isEqualTo(1);
        assertThat(received(event)).containsExactly(receivedLine(event) + ": done", receivedLine(event) + ": duplicate");
    }

    @Test
    void concurrentDeliveriesOfOneEventAreProcessedOnce() throws Exception {
        Map<String, String> event = kafkaSourceHeaders(eventType());
        int deliveries = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        List<Reply> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(deliveries)) {
            for (int i = 0; i < deliveries; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post(event, data(event));
                }));
            }
            start.countDown();
            for (Future<Reply> f : futures) {
                replies.add(f.get());
            }
        }

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        assertThat(replies).extracting(Reply::outcome).containsOnlyOnce("done").containsOnly("done", "duplicate");
        assertThat(recorded(event.get("ce-id"))).isEqualTo(1);
    }

    @Test
    void aStructuredModeEventIsAccepted() {
        String id = UUID.randomUUID().toString();
        String subject = UUID.randomUUID().toString();
        String body = write(Map.of("specversion", "1.0", "id", id, "source", "/kadence/test", "type", eventType(),
            "subject", subject, "datacontenttype", "application/json", "data", Map.of("task_id", subject, "user_id", UUID.randomUUID().toString())));

        Reply reply = post(Map.of("Content-Type", "application/cloudevents+json", KafkaSource.TOKEN_HEADER, KafkaSource.TOKEN), body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.outcome()).isEqualTo("done");
        assertThat(recorded(id)).isEqualTo(1);
    }

    @Test
    void anEventWithoutThePlatformsTokenIsRefused401AndNothingIsProcessed() {
        Map<String, String> missing = kafkaSourceHeaders(eventType());
        missing.remove(KafkaSource.TOKEN_HEADER);
        Map<String, String> wrong = kafkaSourceHeaders(eventType());
        wrong.put(KafkaSource.TOKEN_HEADER, KafkaSource.TOKEN + "x");
        long before = recordedByConsumer();

        for (Map<String, String> event : List.of(missing, wrong)) {
            Reply reply = post(event, data(event));

            assertThat(reply.status()).as(reply.body()).isEqualTo(401);
            assertThat(reply.json()).containsEntry("code", "unauthenticated").containsEntry("status", 401);
            assertThat(received(event)).isEmpty();
        }
        assertThat(recordedByConsumer()).isEqualTo(before);
        assertThat(logged()).anyMatch(line -> line.startsWith("refused POST /events"));
        assertThat(send("GET", "/prometheus", Map.of(), null).body())
            .containsPattern("kadence_deliveries_refused_total\\{endpoint=\"events\",?\\} [1-9]");
    }

    @Test
    void anEventWithoutAnIdIsRejectedAndNothingIsRecorded() {
        Map<String, String> event = kafkaSourceHeaders(eventType());
        event.remove("ce-id");
        long before = recordedByConsumer();

        Reply reply = post(event, data(event));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.outcome()).isEqualTo("rejected");
        assertThat(recordedByConsumer()).isEqualTo(before);
    }

    @Test
    void dataThatIsNotWhatKadenceSendsIsRejectedWithItsFieldsAndNothingIsRecorded() {
        Map<String, String> event = kafkaSourceHeaders(eventType());
        long before = recordedByConsumer();

        Reply reply = post(event, write(Map.of("task_id", event.get("ce-subject"), "user_id", "not-a-user",
            "task", Map.of("title", "a\u0000b", "due_at", "+300000-01-01T00:00:00Z"))));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.outcome()).isEqualTo("rejected");
        assertThat(reply.json().get("errors")).asList().extracting(e -> ((Map<?, ?>) e).get("field") + " " + ((Map<?, ?>) e).get("code"))
            .containsExactlyInAnyOrder("data.user_id invalid_id", "data.task.title invalid_character", "data.task.due_at out_of_range");
        assertThat(recordedByConsumer()).isEqualTo(before);
        assertThat(logged()).anyMatch(line -> line.startsWith("rejected an event: not an event Kadence can process: 3 problems"));
    }

    @Test
    void anUnknownSpecVersionIsRejectedAndNothingIsRecorded() {
        Map<String, String> event = kafkaSourceHeaders(eventType());
        event.put("ce-specversion", "0.1");

        Reply reply = post(event, data(event));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(recorded(event.get("ce-id"))).isZero();
    }

    @Test
    void invalidJsonInStructuredModeIsRejected() {
        long before = recordedByConsumer();

        Reply reply = post(Map.of("Content-Type", "application/cloudevents+json", KafkaSource.TOKEN_HEADER, KafkaSource.TOKEN), "{\"specversion\": \"1.0\", \"id\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.outcome()).isEqualTo("rejected");
        assertThat(recordedByConsumer()).isEqualTo(before);
    }

    @Test
    void aTypeTheFunctionDoesNotTakeIsRejectedAndNotRecorded() {
        Map<String, String> event = kafkaSourceHeaders("dev.kadence.nothing.happened");

        Reply reply = post(event, data(event));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("dev.kadence.nothing.happened");
        assertThat(recorded(event.get("ce-id"))).isZero();
    }

    @Test
    void whileTheDatabaseIsDownAnEventIsAnswered503SoThatItIsDeliveredAgain() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (EmbeddedServer down = ApplicationContext.run(EmbeddedServer.class, Map.of(
            "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/kadence",
            "kadence.auth.jwt-secret", "test-secret-that-is-long-enough-for-hs256-signing",
            "datasources.default.connection-timeout", "500",
            "datasources.default.initialization-fail-timeout", "-1",
            "kadence.sinks.poll-interval", "1h",
            "kadence.platform.delivery-token", KafkaSource.TOKEN,
            "micronaut.server.port", "-1"))) {
            Map<String, String> event = kafkaSourceHeaders(eventType());

            Reply reply = send(down.getURL().toString(), "POST", "/events", event, data(event));

            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            assertThat(reply.outcome()).isEqualTo("retry");
        }
    }

    /** The headers a KafkaSource sends for one of our binary-mode records (fresh id, a task id as subject). */
    protected static Map<String, String> kafkaSourceHeaders(String type) {
        return KafkaSource.headers(type, UUID.randomUUID().toString());
    }

    protected record Reply(int status, String body, Map<String, Object> json) {
        String outcome() {
            return (String) json.get("outcome");
        }
    }

    protected Reply post(Map<String, String> headers, String body) {
        return send("POST", "/events", headers, body);
    }

    protected Reply send(String method, String path, Map<String, String> headers, String body) {
        return send(server.getURL().toString(), method, path, headers, body);
    }

    private Reply send(String base, String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = Http.send(request.build());
        boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
        try {
            Map<String, Object> parsed = isJson && !response.body().isEmpty()
                ? json.readValue(response.body(), Argument.mapOf(String.class, Object.class)) : Map.of();
            return new Reply(response.statusCode(), response.body(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected long recorded(String eventId) {
        return tx.executeRead(s -> sql.one("select count(*) from processed_events where consumer = ? and event_id = ?",
            List.of(consumer(), eventId), rs -> rs.getLong(1)).orElseThrow());
    }

    private long recordedByConsumer() {
        return tx.executeRead(s -> sql.one("select count(*) from processed_events where consumer = ?",
            List.of(consumer()), rs -> rs.getLong(1)).orElseThrow());
    }

    /** Everything the function logged during this test. */
    protected List<String> logged() {
        return log.stream().map(LogEvent::message).toList();
    }

    /** The function's log lines about this event. */
    protected List<String> received(Map<String, String> event) {
        return log.stream().map(LogEvent::message)
            .filter(m -> m.startsWith(receivedLine(event))).toList();
    }

    private static String receivedLine(Map<String, String> event) {
        return "received " + event.get("ce-type") + " " + event.get("ce-id") + " for task " + event.get("ce-subject");
    }

    private String data(Map<String, String> event) {
        return write(Map.of("task_id", event.get("ce-subject"), "user_id", UUID.randomUUID().toString()));
    }

    protected String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void healthProbesAndMetricsAnswer() {
        for (String path : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
            Reply r = send("GET", path, Map.of(), null);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.json()).as(path).containsEntry("status", "UP");
            assertThat(r.json().get("details")).as(path + ": what is up is nobody's business").isNull();
        }
        Reply metrics = send("GET", "/prometheus", Map.of(), null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void errorsAreProblemJsonLikeEveryOtherFunctions() {
        Reply unknown = send("GET", "/api/v1/notifications/nothing-here", Map.of(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json()).containsEntry("code", "not_found").containsEntry("status", 404)
            .containsEntry("type", "urn:kadence:problem:not_found");
    }
}
