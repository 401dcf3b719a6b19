package dev.kadence.taskcrud;

import dev.kadence.core.logging.KadenceLogs;
import dev.kadence.core.logging.LogEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What the platform and operators call: probes, metrics, and the API description. */
@MicronautTest(transactional = false)
class OperationsTest extends ApiTest {

    @Test
    void healthProbesAnswerWithoutAToken() {
        for (String path : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
            Response r = call("GET", path, null, null);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.json()).as(path).containsEntry("status", "UP");
        }
    }

    @Test
    void prometheusMetricsAreScrapeable() {
        call("GET", "/health", null, null);
        Response r = send("GET", "/prometheus", null, null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("# TYPE").contains("jvm_memory_used_bytes").contains("hikaricp_connections")
            .containsPattern("log_events_total\\{[^}]*level=\"info\"[^}]*\\} [1-9]");   // the requests before it were logged
    }

    @Test
    void eachRequestIsLoggedOnceWithItsRequestIdAndUser() throws Exception {
        User user = signup();
        List<LogEvent> log = new CopyOnWriteArrayList<>();
        try (AutoCloseable listening = KadenceLogs.listen(e -> {
                if (e.logger().equals("dev.kadence.core.web.RequestLog")) {
                    log.add(e);
                }
            });
             HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> given = client.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/tasks?q=secret"))
                .header("Authorization", "Bearer " + user.token()).header("X-Request-Id", "req-42").build(),
                HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/tasks"))
                .header("X-Request-Id", "not a plausible id").build(), HttpResponse.BodyHandlers.ofString());
            client.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(given.headers().firstValue("X-Request-Id")).hasValue("req-42");
            String made = anonymous.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(made).isNotEqualTo("not a plausible id").hasSize(36);

            List<Map<String, String>> lines = log.stream().map(LogEvent::mdc).toList();
            assertThat(lines).hasSize(2);   // /health answered 200: not logged
            assertThat(lines.get(0)).containsEntry("request_id", "req-42").containsEntry("user_id", user.id().toString())
                .containsEntry("http_method", "GET").containsEntry("http_path", "/api/v1/tasks")
                .containsEntry("http_status", "200").containsKey("duration_ms");
            assertThat(lines.get(1)).containsEntry("request_id", made).containsEntry("http_status", "401")
                .doesNotContainKey("user_id");
            assertThat(log.get(0).message()).startsWith("GET /api/v1/tasks 200 ").doesNotContain("secret");
        }
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        Response r = send("GET", "/openapi/kadence-task-crud-1.yml", null, null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("openapi:").contains("/api/v1/tasks").contains("/api/v1/tasks/{id}/complete")
            .contains("/api/v1/auth/signup").contains("bearer");
    }
}
