package dev.kadence.core.channel;

import java.net.URI;

/** A channel as asked for: a webhook ({@code url}, {@code format}) or an email {@code address}. */
public record ChannelDraft(ChannelType type, URI url, WebhookFormat format, String address) {
}
