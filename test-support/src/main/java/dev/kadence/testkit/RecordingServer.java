package dev.kadence.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An HTTP server on a free local port standing in for something the code under test calls (a sidecar, a sink, an
 * app called back): it records every request, with when it came, and answers it with what {@code answering} says.
 * Requests are answered concurrently, each on its own virtual thread, as a real server would.
 */
public final class RecordingServer implements AutoCloseable {
    /** A request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body, Instant at) {
        /** The first value of a header, whatever the case of its name; null when absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: a status and a body ({@code ""} for none; a non-empty one goes as JSON). */
    public record Answer(int status, String body) {
        public static Answer of(int status) {
            return new Answer(status, "");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService requestThreads = Executors.newVirtualThreadPerTaskExecutor();

    private RecordingServer(Function<Request, Answer> answering) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> handle(exchange, answering));
        server.setExecutor(requestThreads);
        server.start();
    }

    /** Starts a server that answers each request as {@code answering} says. */
    public static RecordingServer start(Function<Request, Answer> answering) {
        try {
            return new RecordingServer(answering);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Every request so far, in order of arrival. */
    public List<Request> requests() {
        return requests;
    }

    /** The requests so far to {@code path}. */
    public List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange, Function<Request, Answer> answering) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body, Instant.now());
            requests.add(request);
            Answer answer = answering.apply(request);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
    }
}
