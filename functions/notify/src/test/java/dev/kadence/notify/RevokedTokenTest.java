package dev.kadence.notify;

import dev.kadence.core.db.Sql;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.Http;
import dev.kadence.testkit.Waits;
import dev.kadence.core.web.BearerTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token revoked by logout in task-crud (another process: here, the {@code revoked_tokens} row it writes) is refused
 * by notify too, within its look-up interval, with a 401 problem+json; so is a token whose subject is no user id.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevokedTokenTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    BearerTokens tokens;
    @Inject
    Sql sql;

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    @Test
    void aTokenRevokedInTaskCrudIsRefusedHere() {
        UUID user = UUID.randomUUID();
        UUID jti = UUID.randomUUID();
        Instant expires = Instant.now().plusSeconds(3600);
        String token = tokens.sign(Map.of("sub", user.toString(), "jti", jti.toString(), "exp", expires.getEpochSecond()));
        assertThat(status(token)).isEqualTo(200);

        sql.update("insert into revoked_tokens (jti, user_id, expires_at) values (?, ?, ?)", List.of(jti, user, Sql.ts(expires)));

        Duration took = Waits.await("notify refuses the revoked token", Duration.ofSeconds(5), () -> status(token) == 401);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        String other = tokens.sign(Map.of("sub", user.toString(), "jti", UUID.randomUUID().toString(), "exp", expires.getEpochSecond()));
        assertThat(status(other)).as("another token of the same user").isEqualTo(200);
    }

    @Test
    void aSubjectThatIsNoUserIdIs401NotA500() {
        String token = tokens.sign(Map.of("sub", "admin", "jti", UUID.randomUUID().toString(),
            "exp", Instant.now().plusSeconds(3600).getEpochSecond()));
        assertThat(status(token)).isEqualTo(401);
    }

    private int status(String token) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/notifications"))
            .header("Authorization", "Bearer " + token).GET().build());
        if (response.statusCode() == 401) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        return response.statusCode();
    }
}
