package dev.kadence.local.dapr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Dapr sidecar offers one app, on the app's Dapr HTTP port: the Jobs API
 * ({@code POST|GET|DELETE /v1.0/jobs/<name>}, also under {@code /v1.0-alpha1}) and {@code /v1.0/healthz}.
 * Jobs are kept in the {@link JobStore} and fired by the {@link JobScheduler} back to this app.
 */
final class DaprSidecar implements AutoCloseable {
    private static final Pattern JOB_PATH = Pattern.compile("/v1\\.0(?:-alpha1)?/jobs/([A-Za-z0-9._~-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String appId;
    private final JobStore store;
    private final JobScheduler scheduler;
    private final Clock clock;
    private final HttpServer server;

    DaprSidecar(String appId, int port, JobStore store, JobScheduler scheduler, Clock clock) {
        this.appId = appId;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port + " for " + appId + "'s Dapr API", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher job = JOB_PATH.matcher(path);
            if (path.equals("/v1.0/healthz") || path.equals("/v1.0/healthz/outbound")) {
                respond(exchange, 204, null);
            } else if (!job.matches()) {
                respond(exchange, 404, error("ERR_NOT_FOUND", "the local Dapr stand-in serves only the Jobs API: " + path));
            } else {
                try {
                    switch (exchange.getRequestMethod()) {
                        case "POST" -> schedule(exchange, job.group(1));
                        case "GET" -> get(exchange, job.group(1));
                        case "DELETE" -> {
                            store.delete(appId, job.group(1));
                            scheduler.wake();
                            respond(exchange, 204, null);
                        }
                        default -> respond(exchange, 405, error("ERR_METHOD_NOT_ALLOWED", exchange.getRequestMethod()));
                    }
                } catch (IllegalStateException e) {
                    // the store cannot be reached (PostgreSQL is restarting): a 500, as Dapr answers when its Scheduler fails
                    respond(exchange, 500, error("ERR_JOBS_STORE", e.getMessage()));
                }
            }
        }
    }

    private void schedule(HttpExchange exchange, String name) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            respond(exchange, 400, error("ERR_MALFORMED_REQUEST", "body is not JSON: " + e.getMessage()));
            return;
        }
        if (body == null || !body.isObject()) {
            respond(exchange, 400, error("ERR_MALFORMED_REQUEST", "body must be a JSON object"));
            return;
        }
        Job job;
        try {
            job = jobOf(name, body, clock.instant());
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, error("ERR_MALFORMED_REQUEST", e.getMessage()));
            return;
        }
        if (!body.path("overwrite").asBoolean(false) && store.find(appId, name).isPresent()) {
            respond(exchange, 409, error("ERR_JOB_EXISTS", "job " + name + " exists; set overwrite to replace it"));
            return;
        }
        store.save(job);
        scheduler.wake();
        respond(exchange, 204, null);
    }

    private Job jobOf(String name, JsonNode body, Instant now) {
        String schedule = text(body, "schedule");
        String dueTime = text(body, "dueTime");
        if (schedule == null && dueTime == null) {
            throw new IllegalArgumentException("a job needs a schedule or a dueTime");
        }
        Instant first = dueTime != null ? Schedule.pointInTime(dueTime, now) : Schedule.parse(schedule).next(now);
        String ttl = text(body, "ttl");
        Integer repeats = body.has("repeats") ? body.get("repeats").asInt() : null;
        String data = body.has("data") ? body.get("data").toString() : null;
        String policy = body.has("failurePolicy") ? body.get("failurePolicy").toString() : null;
        return new Job(appId, name, schedule, dueTime, repeats, ttl, data, policy, first,
            ttl == null ? null : Schedule.pointInTime(ttl, now), 0, 0);
    }

    private void get(HttpExchange exchange, String name) throws IOException {
        var found = store.find(appId, name);
        if (found.isEmpty()) {
            respond(exchange, 404, error("ERR_JOB_NOT_FOUND", "no job " + name));
            return;
        }
        Job job = found.get();
        ObjectNode out = JSON.createObjectNode().put("name", job.name());
        if (job.schedule() != null) {
            out.put("schedule", job.schedule());
        }
        if (job.dueTime() != null) {
            out.put("dueTime", job.dueTime());
        }
        if (job.repeats() != null) {
            out.put("repeats", job.repeats());
        }
        if (job.ttl() != null) {
            out.put("ttl", job.ttl());
        }
        if (job.data() != null) {
            out.set("data", JSON.readTree(job.data()));
        }
        respond(exchange, 200, out.toString());
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String error(String code, String message) {
        return JSON.createObjectNode().put("errorCode", code).put("message", message).toString();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
