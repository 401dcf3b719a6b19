package dev.kadence.taskcrud;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

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
        assertThat(r.body()).contains("# TYPE").contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        Response r = send("GET", "/openapi/kadence-task-crud-1.yml", null, null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("openapi:").contains("/api/v1/tasks").contains("/api/v1/tasks/{id}/complete")
            .contains("/api/v1/auth/signup").contains("bearer");
    }
}
