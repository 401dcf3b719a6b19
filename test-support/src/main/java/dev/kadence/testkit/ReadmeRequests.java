package dev.kadence.testkit;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends a README's curl request ({@link ReadmeCommands.Request}) to a test's own server: same method, path, headers, body. */
public final class ReadmeRequests {
    private ReadmeRequests() {
    }

    /** The status and body of the answer. */
    public record Answer(int status, String body) {
    }

    public static Answer send(URL server, ReadmeCommands.Request request) {
        String base = server.toString().replaceAll("/$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
            .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        HttpResponse<String> response = Http.send(builder.build());
        return new Answer(response.statusCode(), response.body());
    }
}
