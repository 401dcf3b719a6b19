package dev.kadence.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The deployment's SMTP server for email channels ({@code kadence.smtp.*}; the chart takes the password from a
 * Secret). No host: email channels cannot be made. {@code starttls}: upgrade the connection (port 587); the server's
 * certificate is checked.
 */
@ConfigurationProperties("kadence.smtp")
record SmtpSettings(@Nullable String host,
                    @Bindable(defaultValue = "587") int port,
                    @Bindable(defaultValue = "kadence@localhost") String from,
                    @Nullable String username,
                    @Nullable String password,
                    @Bindable(defaultValue = "true") boolean starttls,
                    @Bindable(defaultValue = "10s") Duration timeout) {
}
