package dev.kadence.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.SseStream;
import dev.kadence.core.web.BearerTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance holds at most {@code kadence.stream.max-open} streams (here 2); beyond, it answers 503 and keeps the ticket. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamLimitTest implements TestPropertyProvider {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    BearerTokens tokens;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestInfra.properties());
        properties.put("kadence.stream.max-open", "2");
        return properties;
    }

    @Test
    void beyondItsLimitAnInstanceAnswers503AndTheTicketStillOpensAStreamOncePlaceIsFree() throws Exception {
        UUID user = fixtures.user("UTC");
        SseStream first = SseStream.open(stream(ticket(user)), Map.of());
        try (SseStream second = SseStream.open(stream(ticket(user)), Map.of())) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);

            String ticket = ticket(user);
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(stream(ticket))).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("unavailable");

            first.close();     // the server notices the closed connection on its own time: ask until it has
            Instant deadline = Instant.now().plusSeconds(10);
            SseStream third;
            do {
                third = SseStream.open(stream(ticket), Map.of());
            } while (third.status() == 503 && Instant.now().isBefore(deadline));
            try (SseStream opened = third) {
                assertThat(opened.status()).as("the refusals did not use the ticket up").isEqualTo(200);
            }
        } finally {
            first.close();
        }
    }

    private String ticket(UUID user) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/notifications/stream-tickets"))
            .header("Authorization", "Bearer " + tokens.issue(user, null, Duration.ofSeconds(3600)).value())
            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("ticket").asText();
    }

    private String stream(String ticket) {
        return server.getURL() + "/api/v1/notifications/stream?ticket=" + ticket;
    }
}
