package dev.kadence.core.web;

import dev.kadence.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The probes' answers with the database up and with nothing listening where it should be. */
class ProbesTest {

    @Test
    void upWhenTheDatabaseAnswers() {
        try (ApplicationContext context = ApplicationContext.run(new HashMap<>(TestInfra.properties()))) {
            Probes probes = context.getBean(Probes.class);
            for (HttpResponse<Probes.Health> answer : List.of(probes.liveness(), probes.readiness(), probes.health())) {
                assertThat(answer.code()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo(Probes.Health.UP);
            }
        }
    }

    @Test
    void notReadyButAliveWhenTheDatabaseDoesNotAnswer() throws IOException {
        Map<String, Object> properties = new HashMap<>(TestInfra.properties());
        properties.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/kadence");
        properties.put("datasources.default.initialization-fail-timeout", "-1");   // start without it, as after an outage
        properties.put("datasources.default.connection-timeout", "500");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Probes probes = context.getBean(Probes.class);
            HttpResponse<Probes.Health> readiness = probes.readiness();
            assertThat(readiness.code()).isEqualTo(503);
            assertThat(readiness.body()).isEqualTo(Probes.Health.DOWN);
            assertThat(probes.health().code()).isEqualTo(503);
            assertThat(probes.liveness().code()).as("an outage of the database is no reason to restart the pod").isEqualTo(200);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
