package dev.kadence.testkit;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events stream read as a browser's EventSource reads it, line by line in the background: each event is
 * its id, name and data lines, stamped with the instant it arrived. Comments (the server's "connected", heartbeats)
 * are counted, not returned.
 */
public final class SseStream implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration CONNECTING = Duration.ofSeconds(10);

    /** One event as read, and when. */
    public record Event(String id, String name, String data, Instant receivedAt) {
    }

    private final BlockingQueue<Event> unread = new LinkedBlockingQueue<>();
    private final List<Event> all = new CopyOnWriteArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /**
     * Opens {@code url} with {@code headers}; the answer's status is in {@link #status()}. For a 200 this returns once
     * the server's first comment ("connected") has arrived, so whatever happens afterwards is on the stream.
     */
    public static SseStream open(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            SseStream stream = new SseStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
            if (stream.status() == 200) {
                stream.connected.await(CONNECTING.toMillis(), TimeUnit.MILLISECONDS);
            }
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens {@code url} and fails unless it answers 200 and says it is connected. */
    public static SseStream connect(String url) {
        SseStream stream = open(url, Map.of());
        if (stream.status() != 200) {
            stream.close();
            throw new AssertionError("stream answered " + stream.status());
        }
        if (stream.connected.getCount() > 0) {
            stream.close();
            throw new AssertionError("the stream did not say it is connected within " + CONNECTING);
        }
        return stream;
    }

    public int status() {
        return response.statusCode();
    }

    /** The next event, or null if none comes within {@code wait}. */
    public Event next(Duration wait) {
        try {
            return unread.poll(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next event named {@code name} whose data contains {@code marker}, skipping others; null if none in time. */
    public Event next(String name, String marker, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        for (Event e; (e = next(Duration.between(Instant.now(), deadline))) != null; ) {
            if (e.name().equals(name) && e.data().contains(marker)) {
                return e;
            }
        }
        return null;
    }

    /** Every event that arrives within {@code wait}. */
    public List<Event> drain(Duration wait) {
        List<Event> events = new ArrayList<>();
        Instant deadline = Instant.now().plus(wait);
        for (Event e; (e = next(Duration.between(Instant.now(), deadline))) != null; ) {
            events.add(e);
        }
        return events;
    }

    /** Everything received so far, taken by {@link #next} or not. */
    public List<Event> all() {
        return List.copyOf(all);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        Event e = new Event(id, name == null ? "message" : name, data.toString(), Instant.now());
                        all.add(e);
                        unread.add(e);
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    connected.countDown();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String part = line.startsWith("data: ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed
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
