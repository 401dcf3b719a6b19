package dev.kadence.local.dapr;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Jobs API stand-in against a real PostgreSQL and an app that records when it was called back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalDaprTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path work;
    private EmbeddedPostgres postgres;
    private HttpServer app;
    private int appPort;
    private int daprPort;
    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();

    record Callback(String path, String body, Instant at) {
    }

    @BeforeAll
    void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile()).start();
        appPort = freePort();
        daprPort = freePort();
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", appPort), 0);
        app.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                callbacks.add(new Callback(exchange.getRequestURI().getPath(), body, Instant.now()));
                exchange.sendResponseHeaders(failuresToGive.getAndDecrement() > 0 ? 500 : 200, -1);
            }
        });
        app.start();
    }

    @AfterAll
    void stop() throws IOException {
        app.stop(0);
        postgres.close();
    }

    @BeforeEach
    void reset() {
        callbacks.clear();
        failuresToGive.set(0);
    }

    LocalDapr dapr() {
        return new LocalDapr(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
            Map.of("reminder-fire", URI.create("http://127.0.0.1:" + appPort)), Map.of("reminder-fire", daprPort));
    }

    int call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daprPort + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    List<Callback> callbacksTo(String path) {
        return callbacks.stream().filter(c -> c.path().equals(path)).toList();
    }

    void awaitCallbacks(String path, int count, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (callbacksTo(path).size() < count && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
    }

    @Test
    void aJobTwoSecondsAheadCallsBackOnceAndNotEarly() throws Exception {
        try (LocalDapr dapr = dapr()) {
            dapr.start(List.of(), Map.of());
            Instant due = Instant.now().plusSeconds(2);
            assertEquals(204, call("POST", "/v1.0/jobs/once", "{\"dueTime\":\"" + due + "\",\"data\":{\"reminder\":\"r1\"},\"overwrite\":true}"));
            awaitCallbacks("/job/once", 1, 5_000);
            Thread.sleep(1_500);   // room for a second, wrong callback to show up
            List<Callback> got = callbacksTo("/job/once");
            assertEquals(1, got.size(), "called back exactly once");
            assertFalse(got.get(0).at().isBefore(due), "not before its due time: " + got.get(0).at() + " < " + due);
            assertEquals("{\"reminder\":\"r1\"}", got.get(0).body());
            assertEquals(404, call("GET", "/v1.0/jobs/once", null), "a one-shot job is gone once it fired");
        }
    }

    @Test
    void aJobSurvivesARestartOfThePlatform() throws Exception {
        Instant due = Instant.now().plusSeconds(3);
        try (LocalDapr dapr = dapr()) {
            dapr.start(List.of(), Map.of());
            assertEquals(204, call("POST", "/v1.0-alpha1/jobs/kept", "{\"dueTime\":\"" + due + "\",\"data\":\"x\"}"));
            assertEquals(200, call("GET", "/v1.0/jobs/kept", null));
        }
        assertTrue(callbacksTo("/job/kept").isEmpty());
        try (LocalDapr dapr = dapr()) {
            dapr.start(List.of(), Map.of());
            awaitCallbacks("/job/kept", 1, 6_000);
            assertEquals(1, callbacksTo("/job/kept").size());
            assertFalse(callbacksTo("/job/kept").get(0).at().isBefore(due));
        }
    }

    @Test
    void repeatsOverwriteDeleteAndFailurePolicy() throws Exception {
        try (LocalDapr dapr = dapr()) {
            dapr.start(List.of(), Map.of());
            assertEquals(204, call("POST", "/v1.0/jobs/tick", "{\"schedule\":\"@every 300ms\",\"repeats\":3}"));
            awaitCallbacks("/job/tick", 3, 5_000);
            Thread.sleep(700);
            assertEquals(3, callbacksTo("/job/tick").size(), "repeats: 3");

            assertEquals(204, call("POST", "/v1.0/jobs/later", "{\"dueTime\":\"1h\"}"));
            assertEquals(409, call("POST", "/v1.0/jobs/later", "{\"dueTime\":\"2h\"}"), "exists and no overwrite");
            assertEquals(204, call("POST", "/v1.0/jobs/later", "{\"dueTime\":\"2h\",\"overwrite\":true}"));
            assertEquals(204, call("DELETE", "/v1.0/jobs/later", null));
            assertEquals(404, call("GET", "/v1.0/jobs/later", null));
            assertEquals(400, call("POST", "/v1.0/jobs/bad", "{\"data\":1}"), "neither schedule nor dueTime");

            failuresToGive.set(2);
            assertEquals(204, call("POST", "/v1.0/jobs/flaky", "{\"dueTime\":\"0s\",\"failurePolicy\":{\"constant\":{\"interval\":\"200ms\",\"maxRetries\":5}}}"));
            awaitCallbacks("/job/flaky", 3, 5_000);
            Thread.sleep(500);
            assertEquals(3, callbacksTo("/job/flaky").size(), "two failures, then delivered, then no more");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
