package dev.kadence.local.dapr;

import dev.kadence.local.knative.Activator;
import dev.kadence.testkit.RecordingServer;
import dev.kadence.testkit.RecordingServer.Answer;
import dev.kadence.testkit.RecordingServer.Request;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kadence.testkit.Waits.await;
import static dev.kadence.testkit.Waits.holds;
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
    private RecordingServer app;
    private int daprPort;
    private final AtomicInteger failuresToGive = new AtomicInteger();

    @BeforeAll
    void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile()).start();
        daprPort = freePort();
        app = RecordingServer.start(callback -> Answer.of(failuresToGive.getAndDecrement() > 0 ? 500 : 200));
    }

    @AfterAll
    void stop() throws IOException {
        app.close();
        postgres.close();
    }

    @BeforeEach
    void reset() {
        app.requests().clear();
        failuresToGive.set(0);
    }

    LocalDapr dapr() {
        return new LocalDapr(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
            Map.of("reminder-fire", URI.create(app.url())), Map.of("reminder-fire", daprPort), new Activator());
    }

    int call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daprPort + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    List<Request> callbacksTo(String path) {
        return app.requestsTo(path);
    }

    void awaitCallbacks(String path, int count, long millis) {
        await(count + " callbacks to " + path, Duration.ofMillis(millis), () -> callbacksTo(path).size() >= count);
    }

    @Test
    void aJobTwoSecondsAheadCallsBackOnceAndNotEarly() throws Exception {
        try (LocalDapr dapr = dapr()) {
            dapr.start(List.of(), Map.of());
            Instant due = Instant.now().plusSeconds(2);
            assertEquals(204, call("POST", "/v1.0/jobs/once", "{\"dueTime\":\"" + due + "\",\"data\":{\"reminder\":\"r1\"},\"overwrite\":true}"));
            awaitCallbacks("/job/once", 1, 5_000);
            holds("no second, wrong callback shows up", Duration.ofMillis(1_500), () -> callbacksTo("/job/once").size() == 1);
            List<Request> got = callbacksTo("/job/once");
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
            holds("no fourth tick", Duration.ofMillis(700), () -> callbacksTo("/job/tick").size() == 3);
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
            holds("no callback after the delivered one", Duration.ofMillis(500), () -> callbacksTo("/job/flaky").size() == 3);
            assertEquals(3, callbacksTo("/job/flaky").size(), "two failures, then delivered, then no more");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
