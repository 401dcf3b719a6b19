package dev.kadence.notify;

import dev.kadence.core.channel.Delivery;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * What a delivery says in plain text, and its link made absolute with the web app's public address
 * ({@code kadence.public-url}; without one the link stays a path).
 */
@Singleton
class MessageText {
    private final String publicUrl;

    MessageText(@Value("${kadence.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    String link(Delivery d) {
        return d.link() == null ? null : publicUrl + d.link();
    }

    String plain(Delivery d) {
        String link = link(d);
        return link == null ? d.message() : d.message() + "\n\n" + link;
    }
}
