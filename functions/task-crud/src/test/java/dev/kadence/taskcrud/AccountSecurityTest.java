package dev.kadence.taskcrud;

import dev.kadence.testing.ApiAnswer;
import dev.kadence.testkit.Http;
import dev.kadence.core.web.BearerTokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kadence.taskcrud.BadInputTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue #16: password policy, login throttling, token claims, logout. */
@MicronautTest(transactional = false)
class AccountSecurityTest extends ApiTest {
    private static final String PASSWORD = "correct horse battery";

    @Inject
    BearerTokens generator;


    @Test
    void trivialAndCommonPasswordsAreRefusedAndStoreNothing() {
        Map<String, String> refused = Map.of(
            "aaaaaaaa", "weak_password",
            "12345678", "weak_password",
            "password", "weak_password",
            "PassWord", "weak_password",
            "pass\u200Bword", "weak_password",
            "hgfedcba", "weak_password",
            "iloveyou", "weak_password",
            "\u200B".repeat(8), "too_short",
            "\u00e9\u00e8\u00ea\u00eb\u00e0\u00e2\u00ee", "too_short",   // 7 characters, 14 bytes
            "\u200Babc\u200Bdef\u200B", "too_short");
        refused.forEach((password, code) -> {
            String email = "weak" + UUID.randomUUID() + "@example.com";
            assertProblem(call("POST", "/api/v1/auth/signup", null, Map.of("email", email, "password", password)), 400, code, "password");
            assertThat(count("select count(*) from users where email = ?", email)).as(password).isZero();
        });
        String email = "strong" + UUID.randomUUID() + "@example.com";
        assertThat(call("POST", "/api/v1/auth/signup", null, Map.of("email", email, "password", "\u65e5\u672c\u8a9e\u306e\u5408\u8a00\u8449\u3067\u3059")).status())
            .as("nine characters of three bytes each").isEqualTo(201);
    }

    @Test
    void anAccountIsThrottledAfterFiveFailuresEvenForTheRightPassword() {
        User user = signup();
        for (int i = 0; i < 5; i++) {
            assertProblem(answer(login(user.email(), "wrong password " + i, "198.51.100." + i)), 401, "invalid_credentials", null);
        }
        HttpResponse<String> throttled = login(user.email(), PASSWORD, "198.51.100.99");
        assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(throttled.body()).contains("\"code\":\"too_many_attempts\"");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        // an unknown email is throttled the same way, so a 429 tells nothing about which accounts exist
        String nobody = "nobody" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            assertThat(login(nobody, "wrong password", "198.51.100.50").statusCode()).isEqualTo(401);
        }
        assertThat(login(nobody, "wrong password", "198.51.100.50").statusCode()).isEqualTo(429);
    }

    @Test
    void aSuccessfulLoginStartsTheAccountAfresh() {
        User user = signup();
        for (int i = 0; i < 4; i++) {
            assertThat(login(user.email(), "wrong password", "192.0.2.10").statusCode()).isEqualTo(401);
        }
        assertThat(login(user.email(), PASSWORD, "192.0.2.10").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(login(user.email(), "wrong password", "192.0.2.10").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anAddressIsThrottledAcrossAccounts() {
        String address = "203.0.113." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 20; i++) {
            assertThat(login("guess" + UUID.randomUUID() + "@example.com", "wrong password", address).statusCode()).isEqualTo(401);
        }
        User user = signup();
        HttpResponse<String> throttled = login(user.email(), PASSWORD, address);
        assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        // a client cannot dodge it by sending its own X-Forwarded-For: only the entry the trusted proxy added counts
        assertThat(login(user.email(), PASSWORD, "10.9.8.7, " + address).statusCode()).isEqualTo(429);
        assertThat(login(user.email(), PASSWORD, "198.18.0.1").statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void behindTheFrontDoorAndAnIngressTheClientsAddressIsThrottled() {
        // What task-crud gets in a cluster (peer: queue-proxy on 127.0.0.1): the client as the ingress saw it, then
        // what each proxy after it appended — pods of the pod network and the front door's own loopback peer. The
        // default trusted proxies are loopback only, so this test sends its chain as the front door on a laptop does.
        java.util.Random random = new java.util.Random();
        String address = "100." + (64 + random.nextInt(64)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        for (int i = 0; i < 20; i++) {
            assertThat(login("guess" + UUID.randomUUID() + "@example.com", "wrong password", address + ", 127.0.0.1").statusCode())
                .isEqualTo(401);
        }
        User user = signup();
        assertThat(login(user.email(), PASSWORD, address + ", 127.0.0.1").statusCode()).isEqualTo(429);
        assertThat(login(user.email(), PASSWORD, "192.0.2.1, " + address + ", ::1").statusCode())
            .as("what the client put in front changes nothing").isEqualTo(429);
        assertThat(login(user.email(), PASSWORD, "198.18.0.2, 127.0.0.1").statusCode()).as("another client").isEqualTo(200);
    }

    @Test
    void anIpv6ClientIsThrottledByItsSlash64() {
        String prefix = "2001:db8:" + Integer.toHexString((int) (Math.random() * 0xfff0) + 1) + ":7::";
        for (int i = 0; i < 20; i++) {
            assertThat(login("guess" + UUID.randomUUID() + "@example.com", "wrong password", prefix + Integer.toHexString(i + 1))
                .statusCode()).isEqualTo(401);
        }
        User user = signup();
        assertThat(login(user.email(), PASSWORD, "[" + prefix + "ffff]:443").statusCode()).as("another address of the same /64")
            .isEqualTo(429);
        assertThat(login(user.email(), PASSWORD, prefix.replace(":7::", ":8::") + "1").statusCode()).as("another /64")
            .isEqualTo(200);
    }

    @Test
    void aMalformedEntryIsNoAddressSoOnlyTheAccountIsThrottled() {
        for (int i = 0; i < 25; i++) {
            assertThat(login("guess" + UUID.randomUUID() + "@example.com", "wrong password", "unknown").statusCode())
                .as("attempt %d", i + 1).isEqualTo(401);
        }
        assertThat(login(signup().email(), PASSWORD, "unknown").statusCode()).isEqualTo(200);
    }

    @Test
    void aLoopbackAddressIsAProxyNotAClientSoOnlyAccountsAreThrottledBehindIt() {
        // what every request through the local front door or Knative's queue-proxy looks like without a client address
        for (int i = 0; i < 25; i++) {
            assertThat(login("guess" + UUID.randomUUID() + "@example.com", "wrong password", "127.0.0.1").statusCode())
                .as("attempt %d", i + 1).isEqualTo(401);
        }
        User user = signup();
        assertThat(login(user.email(), PASSWORD, "127.0.0.1").statusCode()).as("one user's failures lock out no one else").isEqualTo(200);
    }

    @Test
    void tokensWithoutExpiryWithAFutureNotBeforeOrANonUuidSubjectAre401() {
        User user = signup();
        long now = Instant.now().getEpochSecond();
        Map<String, String> bad = Map.of(
            "no exp", token(Map.of("sub", user.id().toString(), "jti", UUID.randomUUID().toString())),
            "nbf in an hour", token(Map.of("sub", user.id().toString(), "jti", UUID.randomUUID().toString(), "exp", now + 7200, "nbf", now + 3600)),
            "sub not a UUID", token(Map.of("sub", "admin", "jti", UUID.randomUUID().toString(), "exp", now + 3600)),
            "no jti", token(Map.of("sub", user.id().toString(), "exp", now + 3600)),
            "expired", token(Map.of("sub", user.id().toString(), "jti", UUID.randomUUID().toString(), "exp", now - 60)));
        bad.forEach((what, token) -> {
            for (String path : List.of("/api/v1/me", "/api/v1/tasks", "/api/v1/tags", "/api/v1/reminders")) {
                Response r = send("GET", path, token, null, null);
                assertThat(r.status()).as(what + " " + path + ": " + r.body()).isEqualTo(401);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
            assertThat(send("POST", "/api/v1/auth/logout", token, null, null).status()).as(what).isEqualTo(401);
        });
        String good = token(Map.of("sub", user.id().toString(), "jti", UUID.randomUUID().toString(), "exp", now + 3600, "nbf", now));
        assertThat(send("GET", "/api/v1/me", good, null, null).status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesThatTokenOnly() {
        User user = signup();
        HttpResponse<String> login = login(user.email(), PASSWORD, "192.0.2.77");
        assertThat(login.statusCode()).isEqualTo(200);
        String other = (String) parse(login.body()).get("token");
        assertThat(call("GET", "/api/v1/me", user, null).status()).isEqualTo(200);

        Response logout = call("POST", "/api/v1/auth/logout", user, null);
        assertThat(logout.status()).as(logout.body()).isEqualTo(204);

        assertProblem(call("GET", "/api/v1/me", user, null), 401, "unauthenticated", null);
        assertProblem(call("GET", "/api/v1/tasks", user, null), 401, "unauthenticated", null);
        assertProblem(call("POST", "/api/v1/auth/logout", user, null), 401, "unauthenticated", null);
        assertThat(send("GET", "/api/v1/me", other, null, null).status()).as("the other session").isEqualTo(200);
        assertThat(count("select count(*) from revoked_tokens where user_id = ?", user.id())).isEqualTo(1);
    }

    private Response answer(HttpResponse<String> response) {
        ApiAnswer answer = ApiAnswer.of(response, json);
        return new Response(answer.status(), answer.contentType(), answer.body(), answer.json());
    }

    private String token(Map<String, Object> claims) {
        return generator.sign(claims);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> login(String email, String password, String forwardedFor) {
        return Http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", forwardedFor)
            .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("email", email, "password", password))))
            .build());
    }
}
