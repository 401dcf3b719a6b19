package dev.kadence.local.dapr;

import java.net.http.HttpRequest;

/**
 * The app token a Dapr sidecar sends with every call to its app (Dapr's {@code APP_API_TOKEN}, as the header
 * {@code dapr-api-token}); none when the app has none.
 */
final class AppToken {
    static final String HEADER = "dapr-api-token";

    private AppToken() {
    }

    static HttpRequest.Builder add(HttpRequest.Builder request, String token) {
        return token == null || token.isBlank() ? request : request.header(HEADER, token);
    }
}
