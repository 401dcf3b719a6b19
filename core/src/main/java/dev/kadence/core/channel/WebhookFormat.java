package dev.kadence.core.channel;

import java.util.Locale;

/**
 * What a webhook's requests look like: Kadence's own JSON (signed), ntfy's plain text with a {@code Title} header, or
 * the {@code {"text": …}} that Slack's and Discord's (with {@code /slack} appended) incoming webhooks take.
 */
public enum WebhookFormat {
    KADENCE, NTFY, SLACK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
