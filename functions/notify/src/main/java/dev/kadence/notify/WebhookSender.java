package dev.kadence.notify;

import dev.kadence.core.channel.Channel;
import dev.kadence.core.channel.Delivery;
import dev.kadence.core.channel.WebhookTargets;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs a delivery to a webhook in its channel's format. Every request carries the delivery's id
 * ({@code Kadence-Delivery}, the same on every attempt); the Kadence format is signed: {@code Kadence-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the channel's secret>}. The target is checked again
 * before each request, redirects are not followed, and only a 2xx counts as delivered.
 */
@Singleton
class WebhookSender {
    static final String DELIVERY_HEADER = "Kadence-Delivery";
    static final String SIGNATURE_HEADER = "Kadence-Signature";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final WebhookTargets targets;
    private final JsonMapper json;
    private final MessageText text;
    private final Clock clock;
    private HttpClient client;

    WebhookSender(WebhookTargets targets, JsonMapper json, MessageText text, Clock clock) {
        this.targets = targets;
        this.json = json;
        this.text = text;
        this.clock = clock;
    }

    /** The Kadence format's body. */
    @Serdeable
    record Payload(UUID id, String type, String title, String message, String link, UUID notificationId, Instant createdAt) {
    }

    void send(Channel channel, Delivery d) throws DeliveryFailed, InterruptedException {
        var refused = targets.refusal(channel.url());
        if (refused.isPresent()) {
            throw new DeliveryFailed("the webhook URL is not allowed: " + refused.get().message());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(channel.url()).timeout(REQUEST_TIMEOUT)
            .header(DELIVERY_HEADER, d.id().toString());
        byte[] body = switch (channel.format()) {
            case KADENCE -> {
                byte[] bytes = bytes(new Payload(d.id(), d.isTest() ? "test" : "notification", d.title(), d.message(),
                    text.link(d), d.notificationId(), d.createdAt()));
                request.header("Content-Type", "application/json").header(SIGNATURE_HEADER, signature(channel.secret(), bytes));
                yield bytes;
            }
            case NTFY -> {
                request.header("Content-Type", "text/plain; charset=utf-8").header("Title", encodedWord(d.title()));
                String link = text.link(d);
                if (link != null && link.startsWith("http")) {
                    request.header("Click", link);
                }
                yield d.message().getBytes(StandardCharsets.UTF_8);
            }
            case SLACK -> {
                request.header("Content-Type", "application/json");
                yield bytes(Map.of("text", text.plain(d)));
            }
        };
        HttpResponse<String> response;
        try {
            response = client().send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailed("the webhook did not answer: " + e, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailed("the webhook answered HTTP " + response.statusCode()
                + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
        }
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256("<t>.<body>")>}. */
    String signature(String secret, byte[] body) {
        long t = clock.instant().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A header value in ASCII: non-ASCII text as an RFC 2047 encoded word, which ntfy decodes. */
    private static String encodedWord(String s) {
        boolean ascii = s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return ascii ? s : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        }
        return client;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.shutdownNow();
        }
    }
}
