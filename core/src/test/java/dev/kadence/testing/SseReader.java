package dev.kadence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for tests, reading as a browser's EventSource does: each event is its id, name and data
 * lines, stamped with the instant it was read. Comments (heartbeats) are counted, not returned.
 */
public final class SseReader implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One event as read, and when. */
    public record SseEvent(String id, String name, String data, Instant receivedAt) {
    }

    private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;
    private volatile int comments;

    private SseReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /**
     * Opens {@code url} with {@code headers}; the answer's status is in {@link #status()}. For a 200 this returns once
     * the server's first comment ("connected") has arrived, so whatever happens afterwards is on the stream.
     */
    public static SseReader open(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            SseReader sse = new SseReader(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
            Instant deadline = Instant.now().plusSeconds(10);
            while (sse.status() == 200 && sse.comments == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(5);
            }
            return sse;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    /** The next event, or null if none comes within {@code wait}. */
    public SseEvent next(Duration wait) {
        try {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Every event that arrives within {@code wait}. */
    public List<SseEvent> drain(Duration wait) {
        List<SseEvent> all = new ArrayList<>();
        Instant deadline = Instant.now().plus(wait);
        for (SseEvent e; (e = next(Duration.between(Instant.now(), deadline).isNegative() ? Duration.ZERO
            : Duration.between(Instant.now(), deadline))) != null; ) {
            all.add(e);
        }
        return all;
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new SseEvent(id, name == null ? "message" : name, data.toString(), Instant.now()));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String part = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
                }
            }
        } catch (RuntimeException e) {
            // closed
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (RuntimeException e) {
            // already closed
        }
    }
}
