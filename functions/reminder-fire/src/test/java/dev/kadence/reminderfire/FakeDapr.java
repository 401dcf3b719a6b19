package dev.kadence.reminderfire;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Dapr sidecar's Jobs HTTP API ({@code /v1.0/jobs/{name}}), keeping to its documented contract:
 * a job needs {@code dueTime} or {@code schedule}; the name is in the path, never the body; a point-in-time
 * {@code dueTime} is RFC 3339 (here it must carry an offset, or the scheduler would use its own local time); a
 * job of an existing name is an error unless {@code overwrite} is true; success is 204 with no body.
 */
final class FakeDapr implements AutoCloseable {
    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final String PREFIX = "/v1.0/jobs/";

    private final HttpServer server;
    private final JsonMapper json;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, Map<String, Object>> jobs = new ConcurrentHashMap<>();
    volatile int failWith;   // 0: behave; else answer every request with this status

    FakeDapr(JsonMapper json) throws IOException {
        this.json = json;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A fake sidecar on a free port; its endpoint joins the test infrastructure's properties in {@link #properties}. */
    static FakeDapr start() {
        try {
            return new FakeDapr(JsonMapper.createDefault());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The application properties of a test that runs against the test infrastructure and this sidecar. */
    Map<String, String> properties() {
        Map<String, String> properties = new java.util.HashMap<>(dev.kadence.testing.TestInfra.properties());
        properties.put("kadence.dapr.http-endpoint", url());
        return properties;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        requests.add(new Request(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
        if (failWith != 0) {
            answer(exchange, failWith, "{\"errorCode\":\"ERR_SCHEDULE_JOB\",\"message\":\"scheduler unavailable\"}");
        } else if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
            answer(exchange, 404, "");
        } else {
            String name = path.substring(PREFIX.length());
            switch (method) {
                case "POST" -> schedule(exchange, name, body);
                case "DELETE" -> {
                    jobs.remove(name);
                    answer(exchange, 204, "");
                }
                case "GET" -> {
                    Map<String, Object> job = jobs.get(name);
                    answer(exchange, job == null ? 500 : 200, job == null ? "{\"errorCode\":\"ERR_JOB_NOT_FOUND\"}" : json.writeValueAsString(job));
                }
                default -> answer(exchange, 405, "");
            }
        }
    }

    private void schedule(HttpExchange exchange, String name, String body) throws IOException {
        Map<String, Object> job;
        try {
            job = json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            answer(exchange, 400, "{\"errorCode\":\"ERR_MALFORMED_REQUEST\"}");
            return;
        }
        Object dueTime = job.get("dueTime");
        boolean valid = job.get("name") == null && (dueTime != null || job.get("schedule") != null);
        if (valid && dueTime != null) {
            try {
                OffsetDateTime.parse((String) dueTime);
            } catch (DateTimeParseException | ClassCastException e) {
                valid = false;
            }
        }
        if (!valid) {
            answer(exchange, 400, "{\"errorCode\":\"ERR_MALFORMED_REQUEST\"}");
        } else if (jobs.containsKey(name) && !Boolean.TRUE.equals(job.get("overwrite"))) {
            answer(exchange, 500, "{\"errorCode\":\"ERR_SCHEDULE_JOB\",\"message\":\"job already exists\"}");
        } else {
            jobs.put(name, job);
            answer(exchange, 204, "");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
