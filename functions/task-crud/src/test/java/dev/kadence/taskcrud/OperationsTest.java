package dev.kadence.taskcrud;

import dev.kadence.core.logging.KadenceLogs;
import dev.kadence.core.logging.LogEvent;
import dev.kadence.core.task.TaskDraft;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

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
            assertThat(r.body()).as(path + ": UP or DOWN, nothing about what is up").isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void metricsAreForTheScraperOnlyNotForAnythingThatCameThroughAProxy() {
        // the scraper connects to the pod's port directly: no forwarding headers
        assertThat(send("GET", "/prometheus", null, null, null).status()).isEqualTo(200);
        // through queue-proxy, a gateway, the activator or the front door, a request carries what they added
        for (Map<String, String> proxied : List.of(Map.of("X-Forwarded-For", "203.0.113.9"),
                Map.of("X-Forwarded-For", "203.0.113.9, 10.244.0.7, 127.0.0.1"), Map.of("Forwarded", "for=203.0.113.9"))) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/prometheus"));
            proxied.forEach(request::header);
            HttpResponse<String> answer = dev.kadence.testkit.Http.send(request.build());
            assertThat(answer.statusCode()).as(proxied.toString()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("jvm_memory").contains("\"code\":\"not_found\"");
        }
        // the probes answer through proxies too, and say UP or DOWN only
        HttpResponse<String> health = dev.kadence.testkit.Http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/health"))
            .header("X-Forwarded-For", "203.0.113.9").build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
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

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentShowsEachRequestBodyWithTheFieldsTheReadersRead() {
        Map<String, Object> doc = new Yaml().load(send("GET", "/openapi/kadence-task-crud-1.yml", null, null, null).body());
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        Map<String, String> bodies = Map.of("post /api/v1/auth/signup", "SignupRequest", "post /api/v1/auth/login", "LoginRequest",
            "patch /api/v1/me", "ProfileChange", "post /api/v1/tags", "TagRequest", "patch /api/v1/tags/{id}", "TagRequest",
            "post /api/v1/tasks", "TaskRequest", "put /api/v1/tasks/{id}", "TaskRequest", "patch /api/v1/tasks/{id}", "TaskPatch",
            "post /api/v1/recurrence/preview", "RecurrencePreviewRequest");
        bodies.forEach((operation, schema) -> {
            String[] methodAndPath = operation.split(" ");
            Map<String, Object> op = (Map<String, Object>) ((Map<String, Object>) paths.get(methodAndPath[1])).get(methodAndPath[0]);
            Object ref = path(op, "requestBody", "content", "application/json", "schema", "$ref");
            assertThat(ref).as(operation).isEqualTo("#/components/schemas/" + schema);
        });

        Map<String, Object> schemas = (Map<String, Object>) path(doc, "components", "schemas");
        Set<String> full = TaskDraft.Field.FULL.stream().map(TaskDraft.Field::wire).collect(Collectors.toSet());
        Set<String> every = Arrays.stream(TaskDraft.Field.values()).map(TaskDraft.Field::wire).collect(Collectors.toSet());
        assertThat(((Map<String, Object>) path(schemas, "TaskRequest", "properties")).keySet()).isEqualTo(full);
        assertThat((List<String>) path(schemas, "TaskRequest", "required")).containsExactly("title");
        assertThat(((Map<String, Object>) path(schemas, "TaskPatch", "properties")).keySet()).isEqualTo(every);
        assertThat(((Map<String, Object>) path(schemas, "TaskView", "properties")).keySet())
            .as("responses too are described as they are sent: snake_case").contains("due_at", "completed_at").doesNotContain("dueAt");
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> node, String... keys) {
        Object at = node;
        for (String key : keys) {
            assertThat(at).as(key).isInstanceOf(Map.class);
            at = ((Map<String, Object>) at).get(key);
        }
        return at;
    }
}
