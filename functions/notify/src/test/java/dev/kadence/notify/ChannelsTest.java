package dev.kadence.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.task.TaskView;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestClock;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.Http;
import dev.kadence.testkit.KafkaSource;
import dev.kadence.testkit.RecordingServer;
import dev.kadence.testkit.RecordingServer.Answer;
import dev.kadence.testkit.Waits;
import dev.kadence.core.web.BearerTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notification channels against real receivers: an HTTP server that checks the Kadence signature as a user's endpoint
 * would, and GreenMail speaking SMTP. Reminders arrive at {@code /events} as the KafkaSource posts them; retries are
 * driven by the clock and {@code POST /channel-sweep}, as the PingSource drives them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelsTest implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestClock clock = SharedClock.CLOCK;
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final AtomicReference<String> secret = new AtomicReference<>();
    private final AtomicReference<Answer> answer = new AtomicReference<>(Answer.of(200));
    private final AtomicInteger badSignatures = new AtomicInteger();
    private RecordingServer receiver;

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    BearerTokens tokens;

    /**
     * The clock of every notify this class starts, this one and {@link #anotherInstance}'s: a replacement bean of its
     * own, not a {@code @MockBean}. With the mock, in the runs that failed (about one module run in ten on a loaded
     * machine; never in 16 runs of this class alone) this server's clock was not the test's: a sweep with the test's
     * clock at a claim's end claimed nothing, and the next test's first retry was 1 min 0.91 s away instead of 1 min.
     * This is the only class that starts a second context in the JVM, the likely cause; the shared bean takes the
     * mock out.
     */
    @Factory
    @Requires(property = SharedClock.PROPERTY)
    static class SharedClock {
        static final String PROPERTY = "kadence.test.channels-clock";
        static final TestClock CLOCK = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

        @Singleton
        @Replaces(Clock.class)
        Clock clock() {
            return CLOCK;
        }
    }

    @Override
    public synchronized Map<String, String> getProperties() {
        if (!mail.isRunning()) {
            mail.start();
        }
        Map<String, String> properties = new HashMap<>(TestInfra.properties());
        properties.put("kadence.channels.allow-loopback", "true");
        properties.put("kadence.smtp.host", "127.0.0.1");
        properties.put("kadence.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        properties.put("kadence.smtp.starttls", "false");
        properties.put("kadence.smtp.from", "reminders@kadence.test");
        properties.put("kadence.public-url", "https://kadence.test");
        properties.put(SharedClock.PROPERTY, "true");
        return properties;
    }

    @BeforeEach
    void receive() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        receiver = RecordingServer.start(this::verified);
        answer.set(Answer.of(200));
        badSignatures.set(0);
    }

    @AfterEach
    void stopReceiving() {
        receiver.close();
    }

    @AfterAll
    void stopMail() {
        mail.stop();
    }

    /** The receiver: a Kadence-format request must carry a valid signature, else 401 (and it is counted). */
    private Answer verified(RecordingServer.Request request) {
        String signature = request.header("Kadence-Signature");
        if (request.path().equals("/kadence") && (signature == null || !signature.equals(sign(signature, request.body())))) {
            badSignatures.incrementAndGet();
            return Answer.of(401);
        }
        return answer.get();
    }

    private String sign(String header, String body) {
        String t = header.substring(2, header.indexOf(','));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReminderGoesOnceToEachActiveChannelSignedInItsFormatAndByEmail() throws Exception {
        UUID user = fixtures.user("Europe/Berlin");
        JsonNode kadence = created(user, webhook("/kadence", "kadence"));
        secret.set(kadence.get("secret").asText());
        created(user, webhook("/ntfy", "ntfy"));
        created(user, webhook("/slack", "slack"));
        created(user, "{\"type\": \"email\", \"address\": \" Ada@Example.COM \"}");
        JsonNode paused = created(user, webhook("/paused", "slack"));
        assertThat(call(user, "PATCH", "/api/v1/channels/" + paused.get("id").asText(), "{\"paused\": true}").statusCode()).isEqualTo(200);
        UUID other = fixtures.user("UTC");
        created(other, webhook("/someone-else", "slack"));
        assertThat(list(user).findValuesAsText("secret")).containsOnly("null");

        TaskView task = fixtures.task(user, """
            {"title": "Weekly report", "due_at": "2027-01-08T14:00:00+01:00", "reminders": [{"at": "2027-01-08T13:45:00+01:00"}]}""");
        String due = reminderDue(user, task);
        assertThat(KafkaSource.deliver(url("/events"), EventTypes.REMINDER_DUE, task.id().toString(), due).statusCode()).isEqualTo(200);
        Waits.await("the webhooks and the email", WAIT, () -> receiver.requests().size() == 3 && mail.getReceivedMessages().length == 1);
        assertThat(KafkaSource.deliver(url("/events"), EventTypes.REMINDER_DUE, task.id().toString(), due).statusCode()).isEqualTo(200);
        sweep();

        assertThat(receiver.requests()).extracting(RecordingServer.Request::path).containsExactlyInAnyOrder("/kadence", "/ntfy", "/slack");
        assertThat(badSignatures).hasValue(0);
        RecordingServer.Request signed = receiver.requestsTo("/kadence").get(0);
        JsonNode payload = tree(signed.body());
        assertThat(payload.get("type").asText()).isEqualTo("notification");
        assertThat(payload.get("title").asText()).isEqualTo("Weekly report");
        assertThat(payload.get("message").asText()).startsWith("Weekly report is due Fri 8 Jan 2027, 14:00");
        assertThat(payload.get("link").asText()).isEqualTo("https://kadence.test/tasks/" + task.id());
        assertThat(signed.header("Kadence-Delivery")).isEqualTo(payload.get("id").asText());
        RecordingServer.Request ntfy = receiver.requestsTo("/ntfy").get(0);
        assertThat(ntfy.header("Title")).isEqualTo("Weekly report");
        assertThat(ntfy.body()).startsWith("Weekly report is due");
        assertThat(tree(receiver.requestsTo("/slack").get(0).body()).get("text").asText()).contains("https://kadence.test/tasks/" + task.id());
        MimeMessage email = mail.getReceivedMessages()[0];
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(email.getSubject()).isEqualTo("Weekly report");
        assertThat(email.getContent().toString()).contains("Weekly report is due").contains("https://kadence.test/tasks/" + task.id());
        assertThat(email.getMessageID()).contains(email.getHeader("Kadence-Delivery")[0]);

        for (JsonNode channel : list(user)) {
            JsonNode deliveries = get(user, "/api/v1/channels/" + channel.get("id").asText() + "/deliveries").get("items");
            if (channel.get("status").asText().equals("paused")) {
                assertThat(deliveries).isEmpty();
            } else {
                assertThat(deliveries).hasSize(1);
                assertThat(deliveries.get(0).get("status").asText()).isEqualTo("delivered");
                assertThat(deliveries.get(0).get("attempts").asInt()).isEqualTo(1);
                assertThat(channel.get("last_success_at").isNull()).isFalse();
            }
        }
    }

    @Test
    void aFailingWebhookIsRetriedOnTheScheduleThenPausedWithTheReasonAndResumed() {
        UUID user = fixtures.user("UTC");
        answer.set(Answer.of(503));
        String channel = created(user, webhook("/down", "slack")).get("id").asText();
        assertThat(call(user, "POST", "/api/v1/channels/" + channel + "/test", null).statusCode()).isEqualTo(202);
        Waits.await("the first attempt", WAIT, () -> receiver.requests().size() == 1);

        List<Duration> schedule = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2));
        for (int failures = 1; failures <= schedule.size(); failures++) {
            JsonNode state = channel(user, channel, failures);
            assertThat(state.get("status").asText()).isEqualTo("active");
            assertThat(state.get("last_error").asText()).isEqualTo("the webhook answered HTTP 503");
            Instant next = Instant.parse(state.get("next_attempt_at").asText());
            assertThat(Duration.between(clock.instant(), next)).isEqualTo(schedule.get(failures - 1));
            clock.set(next);
            sweep();
        }
        JsonNode paused = channel(user, channel, 5);
        assertThat(paused.get("status").asText()).isEqualTo("paused");
        assertThat(paused.get("paused_reason").asText()).isEqualTo("paused after 5 failed deliveries in a row; last: the webhook answered HTTP 503");
        JsonNode waiting = get(user, "/api/v1/channels/" + channel + "/deliveries").get("items").get(0);
        assertThat(waiting.get("status").asText()).isEqualTo("pending");
        assertThat(waiting.get("attempts").asInt()).isEqualTo(5);
        clock.advance(Duration.ofDays(1));
        sweep();
        assertThat(receiver.requests()).hasSize(5);
        assertThat(call(user, "POST", "/api/v1/channels/" + channel + "/test", null).statusCode()).isEqualTo(409);

        answer.set(Answer.of(200));
        HttpResponse<String> resumed = call(user, "PATCH", "/api/v1/channels/" + channel, "{\"paused\": false}");
        assertThat(tree(resumed.body()).get("status").asText()).isEqualTo("active");
        Waits.await("the delivery after resuming", WAIT, () -> receiver.requests().size() == 6);
        Waits.await("its outcome recorded", WAIT, () -> get(user, "/api/v1/channels/" + channel + "/deliveries")
            .get("items").get(0).get("status").asText().equals("delivered"));
        JsonNode healthy = channel(user, channel, 0);
        assertThat(healthy.get("last_error").isNull()).isTrue();
        assertThat(healthy.get("next_attempt_at").isNull()).isTrue();
    }

    /**
     * An instance stops dead after the receiver took a message but before it recorded that: the delivery is not lost
     * (another instance sends it once the claim runs out) and it carries the same id, so the receiver can drop it.
     */
    @Test
    void aDeliveryInterruptedBetweenSendingAndRecordingGoesAgainWithTheSameId() {
        UUID user = fixtures.user("UTC");
        ApplicationContext first = anotherInstance(Map.of());
        String firstUrl = first.getBean(EmbeddedServer.class).getURL().toString();
        receiver.close();
        receiver = RecordingServer.start(request -> {
            if (receiver.requests().size() == 1) {
                // the instance dies here: the message is out, nothing recorded. Its database goes first, as in a crash:
                // closed gracefully, it could record the cut-off send as failed before its pool closed.
                try {
                    first.getBean(DataSource.class).unwrap(HikariDataSource.class).close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } finally {
                    first.close();
                }
            }
            return Answer.of(200);
        });
        String channel = tree(Http.call("POST", URI.create(firstUrl + "/api/v1/channels"), token(user), webhook("/crash", "slack")).body())
            .get("id").asText();
        assertThat(Http.call("POST", URI.create(firstUrl + "/api/v1/channels/" + channel + "/test"), token(user), null).statusCode()).isEqualTo(202);
        Waits.await("the first instance to stop", WAIT, () -> !first.isRunning());

        JsonNode claimed = get(user, "/api/v1/channels/" + channel + "/deliveries").get("items").get(0);
        assertThat(claimed.get("status").asText()).isEqualTo("sending");
        assertThat(claimed.get("attempts").asInt()).isEqualTo(1);
        clock.set(Instant.parse(claimed.get("next_attempt_at").asText()));
        sweep();

        assertThat(receiver.requests()).hasSize(2);
        assertThat(receiver.requests().get(1).header("Kadence-Delivery")).isEqualTo(receiver.requests().get(0).header("Kadence-Delivery"))
            .isEqualTo(claimed.get("id").asText());
        JsonNode delivered = get(user, "/api/v1/channels/" + channel + "/deliveries").get("items").get(0);
        assertThat(delivered.get("status").asText()).isEqualTo("delivered");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        sweep();
        assertThat(receiver.requests()).hasSize(2);
    }

    /** What a webhook's name resolves to may change after it was made: the target is checked again before each request. */
    @Test
    void aTargetNoLongerAllowedWhenItIsSentIsNotCalled() {
        UUID user = fixtures.user("UTC");
        String channel = created(user, webhook("/loopback", "slack")).get("id").asText();
        try (ApplicationContext strict = anotherInstance(Map.of("kadence.channels.allow-loopback", "false"))) {
            String strictUrl = strict.getBean(EmbeddedServer.class).getURL().toString();
            assertThat(Http.call("POST", URI.create(strictUrl + "/api/v1/channels/" + channel + "/test"), token(user), null).statusCode())
                .isEqualTo(202);
            Waits.await("the refused attempt recorded", WAIT, () -> !get(user, "/api/v1/channels/" + channel + "/deliveries")
                .get("items").get(0).get("last_error").isNull());
        }
        assertThat(channel(user, channel, 1).get("last_error").asText())
            .isEqualTo("the webhook URL is not allowed: must not point at this server (127.0.0.1)");
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void badChannelsAreRefusedWithProblemsAndNothingIsStored() {
        UUID user = fixtures.user("UTC");
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        rows.put("{\"type\": \"pager\"}", "type");
        rows.put("{\"url\": \"https://example.com\"}", "type");
        rows.put("{\"type\": \"webhook\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"ftp://127.0.0.1/x\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"not a url\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://user:pw@127.0.0.1/x\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://10.0.0.7/hook\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://169.254.169.254/latest/meta-data\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://192.168.1.1/\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://[fd00::1]/\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://[::ffff:10.0.0.1]/\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://224.0.0.1/\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://no-such-host.invalid/\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://127.0.0.1/" + "a".repeat(2048) + "\"}", "url");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://127.0.0.1/\", \"format\": \"teams\"}", "format");
        rows.put("{\"type\": \"webhook\", \"url\": \"http://127.0.0.1/\", \"address\": \"a@example.com\"}", "address");
        rows.put("{\"type\": \"email\", \"address\": \"not-an-address\"}", "address");
        rows.put("{\"type\": \"email\", \"address\": \"<script>@example.com\"}", "address");
        rows.put("{\"type\": \"email\"}", "address");
        rows.put("{\"type\": \"email\", \"address\": \"a@example.com\", \"url\": \"http://127.0.0.1/\"}", "url");
        rows.forEach((body, field) -> {
            HttpResponse<String> response = call(user, "POST", "/api/v1/channels", body);
            assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(tree(response.body()).get("errors").get(0).get("field").asText()).as(body).isEqualTo(field);
        });
        HttpResponse<String> huge = call(user, "POST", "/api/v1/channels",
            "{\"type\": \"webhook\", \"url\": \"http://127.0.0.1/\", \"x\": \"" + "a".repeat(1_100_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        String channel = created(user, webhook("/ok", "kadence")).get("id").asText();
        assertThat(call(user, "PATCH", "/api/v1/channels/" + channel, "{\"paused\": \"no\"}").statusCode()).isEqualTo(400);
        assertThat(call(user, "PATCH", "/api/v1/channels/" + channel, "{}").statusCode()).isEqualTo(400);
        assertThat(fixtures.count("select count(*) from channels where user_id = ?", user)).isEqualTo(1);
        assertThat(list(user).get(0).get("status").asText()).isEqualTo("active");
        for (int i = 1; i < 20; i++) {
            created(user, webhook("/ok" + i, "slack"));
        }
        HttpResponse<String> tooMany = call(user, "POST", "/api/v1/channels", webhook("/one-more", "slack"));
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(tree(tooMany.body()).get("code").asText()).isEqualTo("conflict");
        assertThat(fixtures.count("select count(*) from channels where user_id = ?", user)).isEqualTo(20);
    }

    @Test
    void anotherUsersChannelIsNotFoundAndOnlyThePlatformSweeps() {
        UUID owner = fixtures.user("UTC");
        UUID stranger = fixtures.user("UTC");
        String channel = created(owner, webhook("/mine", "kadence")).get("id").asText();
        assertThat(call(stranger, "GET", "/api/v1/channels/" + channel + "/deliveries", null).statusCode()).isEqualTo(404);
        assertThat(call(stranger, "PATCH", "/api/v1/channels/" + channel, "{\"paused\": true}").statusCode()).isEqualTo(404);
        assertThat(call(stranger, "POST", "/api/v1/channels/" + channel + "/test", null).statusCode()).isEqualTo(404);
        assertThat(call(stranger, "DELETE", "/api/v1/channels/" + channel, null).statusCode()).isEqualTo(404);
        assertThat(call(stranger, "DELETE", "/api/v1/channels/not-a-uuid", null).statusCode()).isEqualTo(404);
        assertThat(list(stranger)).isEmpty();
        assertThat(list(owner)).hasSize(1);
        assertThat(Http.call("POST", URI.create(url("/channel-sweep")), null, null).statusCode()).isEqualTo(401);
        assertThat(call(owner, "DELETE", "/api/v1/channels/" + channel, null).statusCode()).isEqualTo(204);
        assertThat(list(owner)).isEmpty();
    }

    /** A second notify on the same database, with {@code overrides} to this one's configuration (and the same clock). */
    private ApplicationContext anotherInstance(Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.putAll(overrides);
        return ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }

    private String webhook(String path, String format) {
        return "{\"type\": \"webhook\", \"url\": \"" + receiver.url() + path + "\", \"format\": \"" + format + "\"}";
    }

    private String reminderDue(UUID user, TaskView task) {
        return """
            {"reminder_id": "%s", "task_id": "%s", "user_id": "%s", "fire_at": "2027-01-08T12:45:00Z",
             "title": "Weekly report", "due_at": "2027-01-08T13:00:00Z"}""".formatted(task.reminders().get(0).id(), task.id(), user);
    }

    private void sweep() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/channel-sweep"))).timeout(WAIT)
            .header(KafkaSource.TOKEN_HEADER, KafkaSource.TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(Http.send(request).statusCode()).isEqualTo(200);
    }

    /** The user's channel {@code id}, after {@code failures} failures in a row. */
    private JsonNode channel(UUID user, String id, int failures) {
        JsonNode c = null;
        for (JsonNode each : list(user)) {
            c = each.get("id").asText().equals(id) ? each : c;
        }
        assertThat(c).isNotNull();
        assertThat(c.get("consecutive_failures").asInt()).isEqualTo(failures);
        return c;
    }

    private JsonNode list(UUID user) {
        return get(user, "/api/v1/channels").get("items");
    }

    private JsonNode created(UUID user, String body) {
        HttpResponse<String> response = call(user, "POST", "/api/v1/channels", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return tree(response.body());
    }

    private JsonNode get(UUID user, String path) {
        HttpResponse<String> response = call(user, "GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return tree(response.body());
    }

    private HttpResponse<String> call(UUID user, String method, String path, String body) {
        return Http.call(method, URI.create(url(path)), token(user), body);
    }

    private String token(UUID user) {
        return tokens.issue(user, null, Duration.ofSeconds(3600)).value();
    }

    private String url(String path) {
        return server.getURL() + path;
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
