package dev.kadence.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** How tests send an HTTP request: one JDK client, the answer as a string, failures unchecked. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    /** An API call as a client makes it: {@code body} (or null) as application/json, {@code token} (or null) as bearer. */
    public static HttpResponse<String> call(String method, URI uri, String token, String body) {
        return call(method, uri, token, body, "application/json");
    }

    /** An API call with a body of {@code contentType}. */
    public static HttpResponse<String> call(String method, URI uri, String token, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
