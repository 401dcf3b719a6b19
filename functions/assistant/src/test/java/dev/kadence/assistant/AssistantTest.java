package dev.kadence.assistant;

import dev.kadence.testing.ApiAnswer;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.Http;
import dev.kadence.core.web.BearerTokens;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the assistant's tests: the function against the real test infrastructure, called over real HTTP with tokens
 * signed as task-crud signs them. Users are made by {@link Fixtures}, one per test, so tests never see each other's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssistantTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    BearerTokens tokens;

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    String token(UUID user) {
        return tokens.issue(user, null, Duration.ofSeconds(3600)).value();
    }

    /** {@code method path} with {@code body} (JSON text, or null) and {@code token} (or null: none). */
    ApiAnswer send(String method, String path, String token, String body) {
        return ApiAnswer.of(Http.call(method, URI.create(server.getURL() + path), token, body), json);
    }

    ApiAnswer parse(UUID user, Object body) {
        try {
            return send("POST", "/api/v1/quick-add/parse", user == null ? null : token(user), body instanceof String s ? s : json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code body} said to the assistant by {@code user} (or null: no token). */
    ApiAnswer say(UUID user, Map<String, Object> body) {
        try {
            return send("POST", "/api/v1/assistant/messages", user == null ? null : token(user), json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The types of an assistant's answer's actions. */
    @SuppressWarnings("unchecked")
    static List<String> actions(ApiAnswer answer) {
        return ((List<Map<String, Object>>) answer.json().get("actions")).stream().map(a -> (String) a.get("type")).toList();
    }

    /** A problem+json answer of {@code status} and {@code code}, naming {@code field} (if not null) with {@code fieldCode}. */
    static void assertProblem(ApiAnswer r, int status, String code, String field, String fieldCode) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json()).containsEntry("code", code).containsEntry("status", status);
        if (field != null) {
            assertThat(r.errors()).as(r.body()).anySatisfy(e ->
                assertThat(e).containsEntry("field", field).containsEntry("code", fieldCode));
        }
    }
}
