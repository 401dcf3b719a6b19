package dev.kadence.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kadence.testkit.RecordingServer.Answer;
import dev.kadence.testkit.RecordingServer.Request;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the Dapr sidecar's Jobs HTTP API ({@code /v1.0/jobs/{name}}), keeping to its documented contract:
 * a job needs {@code dueTime} or {@code schedule}; the name is in the path, never the body; a point-in-time
 * {@code dueTime} is RFC 3339 (here it must carry an offset, or the scheduler would use its own local time); a
 * job of an existing name is an error unless {@code overwrite} is true; success is 204 with no body.
 */
public final class FakeDapr implements AutoCloseable {
    /**
     * The app token this sidecar sends to its app (Dapr's {@code APP_API_TOKEN}), in the header {@value #APP_TOKEN_HEADER}
     * of every call to the app; a function under test is configured with it ({@code kadence.platform.app-api-token}).
     */
    public static final String APP_API_TOKEN = "test-app-api-token";
    public static final String APP_TOKEN_HEADER = "dapr-api-token";
    private static final String PREFIX = "/v1.0/jobs/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Answer MALFORMED = new Answer(400, "{\"errorCode\":\"ERR_MALFORMED_REQUEST\"}");

    private final Map<String, Map<String, Object>> jobs = new ConcurrentHashMap<>();
    private final RecordingServer server;
    private volatile int failWith;   // 0: behave; else answer every request with this status

    private FakeDapr() {
        server = RecordingServer.start(this::answer);
    }

    private static FakeDapr shared;

    /** A fake sidecar on a free port. */
    public static FakeDapr start() {
        return new FakeDapr();
    }

    /**
     * The one sidecar of this test JVM, started on first use and closed when the JVM ends: the test classes of a
     * function share it as they share the database, each looking at its own jobs (or calling {@link #reset}).
     */
    public static synchronized FakeDapr shared() {
        if (shared == null) {
            shared = new FakeDapr();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "fake-dapr-stop"));
        }
        return shared;
    }

    /** The headers with which the sidecar calls its app: {@code POST /job/{name}}, the cron binding's calls. */
    public static Map<String, String> appCallHeaders() {
        return Map.of(APP_TOKEN_HEADER, APP_API_TOKEN, "Content-Type", "application/json");
    }

    /** Forgets every request and job, and behaves again. */
    public void reset() {
        server.requests().clear();
        jobs.clear();
        failWith = 0;
    }

    /** {@code base} (e.g. the test infrastructure's properties) and the one that points a function at this sidecar. */
    public Map<String, String> properties(Map<String, String> base) {
        Map<String, String> properties = new HashMap<>(base);
        properties.put("kadence.dapr.http-endpoint", url());
        return properties;
    }

    public String url() {
        return server.url();
    }

    /** Every request the sidecar was sent, in order. */
    public List<Request> requests() {
        return server.requests();
    }

    /** The jobs scheduled now, by name, as their bodies were sent. */
    public Map<String, Map<String, Object>> jobs() {
        return jobs;
    }

    /** From now on answers every request with {@code status} (a scheduler outage); 0 to behave again. */
    public void failWith(int status) {
        failWith = status;
    }

    private Answer answer(Request request) {
        String path = request.path();
        if (failWith != 0) {
            return new Answer(failWith, "{\"errorCode\":\"ERR_SCHEDULE_JOB\",\"message\":\"scheduler unavailable\"}");
        }
        if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
            return Answer.of(404);
        }
        String name = path.substring(PREFIX.length());
        return switch (request.method()) {
            case "POST" -> schedule(name, request.body());
            case "DELETE" -> {
                jobs.remove(name);
                yield Answer.of(204);
            }
            case "GET" -> {
                Map<String, Object> job = jobs.get(name);
                yield job == null ? new Answer(500, "{\"errorCode\":\"ERR_JOB_NOT_FOUND\"}") : new Answer(200, write(job));
            }
            default -> Answer.of(405);
        };
    }

    private Answer schedule(String name, String body) {
        Map<String, Object> job;
        try {
            job = JSON.readValue(body, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            return MALFORMED;
        }
        if (job == null) {
            return MALFORMED;
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
            return MALFORMED;
        }
        if (jobs.containsKey(name) && !Boolean.TRUE.equals(job.get("overwrite"))) {
            return new Answer(500, "{\"errorCode\":\"ERR_SCHEDULE_JOB\",\"message\":\"job already exists\"}");
        }
        jobs.put(name, job);
        return Answer.of(204);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
