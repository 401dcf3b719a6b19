package dev.kadence.core.web;

import dev.kadence.testkit.RecordingServer;
import dev.kadence.testkit.RecordingServer.Answer;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client for the platform's http endpoints has no TLS, and still speaks http; one with https keeps the JDK's TLS. */
class PlatformHttpTest {
    @Test
    void aClientForHttpEndpointsOnlyHasNoTlsAndSpeaksHttp() throws Exception {
        try (RecordingServer sink = RecordingServer.start(r -> Answer.of(202))) {
            URI url = URI.create(sink.url() + "/kadence/task-events");
            try (HttpClient client = PlatformHttp.builder(List.of(url, URI.create("http://127.0.0.1:3500"))).build()) {
                assertThat(client.sslContext()).isNotSameAs(SSLContext.getDefault());
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.discarding());
                assertThat(answer.statusCode()).isEqualTo(202);
                assertThat(client.sslParameters().getCipherSuites()).isNull();
            }
        }
    }

    @Test
    void anHttpsUrlThroughAClientForHttpEndpointsIsRefusedNotSent() {
        try (HttpClient client = PlatformHttp.builder(List.of(URI.create("http://127.0.0.1:3500"))).build()) {
            HttpRequest https = HttpRequest.newBuilder(URI.create("https://127.0.0.1:1/v1.0/jobs/x")).timeout(Duration.ofSeconds(5)).GET().build();
            assertThatThrownBy(() -> client.send(https, HttpResponse.BodyHandlers.discarding()))
                .hasStackTraceContaining("this client was made for plain http endpoints");
        }
    }

    @Test
    void anHttpsEndpointKeepsTheJdksTlsContext() throws Exception {
        try (HttpClient client = PlatformHttp.builder(List.of(URI.create("http://sink.local/a"), URI.create("https://sink.example/b"))).build()) {
            assertThat(client.sslContext()).isSameAs(SSLContext.getDefault());
        }
    }
}
