package dev.kadence.taskcrud;

import dev.kadence.core.db.Sql;
import dev.kadence.testing.ApiAnswer;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the task-crud tests: the function runs against the real test infrastructure and is called over
 * real HTTP, as a browser or curl would. Each test signs up its own users, so tests never see each other's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Sql sql;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    record Response(int status, String contentType, String body, Map<String, Object> json) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json.get("items");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) json.get("errors");
        }

        String id() {
            return (String) json.get("id");
        }
    }

    record User(UUID id, String email, String token) {
    }

    User signup() {
        String email = "u" + UUID.randomUUID() + "@example.com";
        Response r = call("POST", "/api/v1/auth/signup", null, Map.of("email", email, "password", "correct horse battery", "timezone", "Europe/Berlin"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) r.json().get("user");
        return new User(UUID.fromString((String) user.get("id")), email, (String) r.json().get("token"));
    }

    Response call(String method, String path, User user, Object body) {
        return send(method, path, user == null ? null : user.token(), body == null ? null : write(body), "application/json");
    }

    Response send(String method, String path, String token, String body, String contentType) {
        ApiAnswer answer = ApiAnswer.of(Http.call(method, URI.create(server.getURL() + path), token, body, contentType), json);
        return new Response(answer.status(), answer.contentType(), answer.body(), answer.json());
    }

    Response createTask(User user, Map<String, Object> body) {
        Response r = call("POST", "/api/v1/tasks", user, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    /** GET /api/v1/tasks with query parameters given as name, value, name, value... */
    Response list(User user, String... params) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            q.append(q.isEmpty() ? "?" : "&").append(params[i]).append('=')
                .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        Response r = call("GET", "/api/v1/tasks" + q, user, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    List<String> titles(Response page) {
        return page.items().stream().map(t -> (String) t.get("title")).toList();
    }

    long count(String query, Object... params) {
        return tx.executeRead(status -> sql.one(query, List.of(params), rs -> rs.getLong(1)).orElseThrow());
    }

    boolean outboxEmpty() {
        return count("select count(*) from outbox") == 0;
    }

    String write(Object body) {
        try {
            return body instanceof String s ? s : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
