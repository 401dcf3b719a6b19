package dev.kadence.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the platform and operators call: probes, metrics, and the API description. */
@MicronautTest(transactional = false)
class OperationsTest extends AssistantTest {

    @Test
    void healthProbesAndMetricsAnswerWithoutAToken() {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            Response r = send("GET", path, null, null);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.json()).as(path).containsEntry("status", "UP");
        }
        Response metrics = send("GET", "/prometheus", null, null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentShowsQuickAddWithTheFieldItsReaderReads() {
        Response r = send("GET", "/openapi/kadence-assistant-1.yml", null, null);
        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> doc = new Yaml().load(r.body());
        Map<String, Object> parse = (Map<String, Object>) ((Map<String, Object>) doc.get("paths")).get("/api/v1/quick-add/parse");
        assertThat(parse).containsKey("post");
        assertThat(r.body()).contains("$ref: \"#/components/schemas/QuickAddRequest\"").contains("bearer");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        assertThat((Map<String, Object>) ((Map<String, Object>) schemas.get("QuickAddRequest")).get("properties")).containsOnlyKeys("text");
        assertThat((Map<String, Object>) ((Map<String, Object>) schemas.get("QuickAddTask")).get("properties"))
            .containsOnlyKeys("title", "priority", "tags", "due_at", "recurrence", "reminders");
    }
}
