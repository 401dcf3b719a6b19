package dev.kadence.core.channel;

import java.util.Locale;

/** Where a channel delivers: an HTTP endpoint, or a mailbox through the deployment's SMTP server. */
public enum ChannelType {
    WEBHOOK, EMAIL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
