package dev.kadence.reminderfire;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;

/**
 * Where the Dapr sidecar's HTTP API is: Dapr's own {@code DAPR_HTTP_ENDPOINT} if set, else
 * {@code http://127.0.0.1:${DAPR_HTTP_PORT}}; {@code DAPR_API_TOKEN} when the sidecar requires one.
 */
@ConfigurationProperties("kadence.dapr")
record DaprSettings(
    @Nullable String httpEndpoint,
    @Bindable(defaultValue = "3500") int httpPort,
    @Nullable String apiToken) {

    URI address() {
        String endpoint = httpEndpoint == null || httpEndpoint.isBlank() ? "http://127.0.0.1:" + httpPort : httpEndpoint;
        return URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
    }

    boolean hasApiToken() {
        return apiToken != null && !apiToken.isBlank();
    }
}
