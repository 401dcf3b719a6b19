package dev.kadence.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A browser's view of {@code /api/v1/notifications/stream} at the front door: opened with a stream ticket (as the web
 * app's EventSource is), read line by line in the background, each event stamped with when it arrived.
 */
final class EventStream implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Received(String id, String event, String data, Instant at) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> all = new CopyOnWriteArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final HttpResponse<Stream<String>> response;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread.ofVirtual().start(this::read);
    }

    /** Opens the stream and returns once the server said it is connected, so what happens next is on it. */
    static EventStream open(String url) {
        try {
            HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new AssertionError("stream answered " + response.statusCode());
            }
            EventStream stream = new EventStream(response);
            if (!stream.connected.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the stream did not say it is connected");
            }
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event whose data contains {@code marker}, skipping others, or null if none comes within {@code wait}. */
    Received next(String event, String marker, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        try {
            for (Duration left = wait; !left.isNegative(); left = Duration.between(Instant.now(), deadline)) {
                Received r = received.poll(left.toMillis(), TimeUnit.MILLISECONDS);
                if (r == null) {
                    return null;
                }
                if (r.event().equals(event) && r.data().contains(marker)) {
                    return r;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Everything received so far, taken by {@link #next} or not. */
    List<Received> all() {
        return List.copyOf(all);
    }

    private void read() {
        String id = null;
        String event = "message";
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith(":")) {
                    connected.countDown();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).stripLeading());
                } else if (line.isEmpty()) {
                    if (data != null) {
                        Received r = new Received(id, event, data.toString(), Instant.now());
                        all.add(r);
                        received.add(r);
                    }
                    event = "message";
                    data = null;
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
