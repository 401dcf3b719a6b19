package dev.kadence.core.web;

import dev.kadence.testkit.RecordingServer;
import dev.kadence.testkit.RecordingServer.Answer;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A client for the platform's http endpoints skips the JDK's trust store, and still speaks http; one with https keeps it. */
class PlatformHttpTest {
    @Test
    void aClientForHttpEndpointsOnlyHasATlsContextOfItsOwnAndSpeaksHttp() throws Exception {
        try (RecordingServer sink = RecordingServer.start(r -> Answer.of(202))) {
            URI url = URI.create(sink.url() + "/kadence/task-events");
            try (HttpClient client = PlatformHttp.builder(List.of(url, URI.create("http://127.0.0.1:3500"))).build()) {
                assertThat(client.sslContext()).isNotSameAs(SSLContext.getDefault());
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.discarding());
                assertThat(answer.statusCode()).isEqualTo(202);
            }
        }
    }

    @Test
    void anHttpsEndpointKeepsTheJdksTlsContext() throws Exception {
        try (HttpClient client = PlatformHttp.builder(List.of(URI.create("http://sink.local/a"), URI.create("https://sink.example/b"))).build()) {
            assertThat(client.sslContext()).isSameAs(SSLContext.getDefault());
        }
    }
}
