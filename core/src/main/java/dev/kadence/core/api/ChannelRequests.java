package dev.kadence.core.api;

import dev.kadence.core.channel.ChannelDraft;
import dev.kadence.core.channel.ChannelType;
import dev.kadence.core.channel.WebhookFormat;
import dev.kadence.core.error.Violations;
import io.micronaut.json.tree.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code POST /channels} ({@code {type: webhook, url, format?: kadence|ntfy|slack}} or {@code {type: email, address}})
 * and {@code PATCH /channels/{id}} ({@code {paused}}) bodies. Whether a URL's host may be called is the service's
 * question (it resolves the name); here only its form.
 */
public final class ChannelRequests {
    public static final int MAX_URL_LENGTH = 2048;

    private ChannelRequests() {
    }

    public static ChannelDraft draft(JsonNode json) {
        Violations v = new Violations();
        Body body = Body.of(json, v);
        ChannelType type = choice(body, "type", ChannelType.class, v);
        ChannelDraft draft = null;
        if (type == ChannelType.WEBHOOK) {
            URI url = url(body.string("url"), v);
            WebhookFormat format = body.has("format") ? choice(body, "format", WebhookFormat.class, v) : WebhookFormat.KADENCE;
            onlyFor(body, "address", "email", v);
            draft = new ChannelDraft(type, url, format, null);
        } else if (type == ChannelType.EMAIL) {
            String address = AccountRequests.normalizeEmail("address", body.string("address"), v);
            onlyFor(body, "url", "webhook", v);
            onlyFor(body, "format", "webhook", v);
            draft = new ChannelDraft(type, null, null, address);
        }
        v.throwIfAny();
        return draft;
    }

    /** {@code {paused: true|false}}: pause the channel, or resume it. */
    public static boolean paused(JsonNode json) {
        Violations v = new Violations();
        JsonNode paused = Body.of(json, v).raw("paused");
        if (paused == null || !paused.isBoolean()) {
            v.add("paused", paused == null ? "required" : "not_a_boolean", paused == null ? "is required" : "must be true or false");
        }
        v.throwIfAny();
        return paused.getBooleanValue();
    }

    private static <E extends Enum<E>> E choice(Body body, String field, Class<E> type, Violations v) {
        String raw = body.string(field);
        if (raw == null) {
            if (!v.has(field)) {
                v.add(field, "required", "is required");
            }
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(raw)) {
                return e;
            }
        }
        String names = String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
        v.add(field, "invalid_" + field, "must be one of " + names);
        return null;
    }

    private static URI url(String raw, Violations v) {
        if (raw == null) {
            if (!v.has("url")) {
                v.add("url", "required", "is required");
            }
            return null;
        }
        if (raw.length() > MAX_URL_LENGTH) {
            v.add("url", "too_long", "must be at most " + MAX_URL_LENGTH + " characters");
            return null;
        }
        try {
            URI url = new URI(raw.strip());
            if (url.isAbsolute() && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        v.add("url", "invalid_url", "must be an http or https URL with a host");
        return null;
    }

    private static void onlyFor(Body body, String field, String type, Violations v) {
        if (body.raw(field) != null) {
            v.add(field, "not_allowed", "is only for " + type + " channels");
        }
    }
}
