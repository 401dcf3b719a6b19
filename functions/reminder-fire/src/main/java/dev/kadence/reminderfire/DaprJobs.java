package dev.kadence.reminderfire;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.web.PlatformHttp;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dapr's Jobs HTTP API (stable as {@code /v1.0/jobs/{name}} since Dapr 1.18). A job fires once at its due time by
 * calling back {@code POST /job/{name}} on this app with the job's data; the sidecar answers 204 to both calls.
 */
@Singleton
class DaprJobs {
    /** RFC 3339 with a numeric offset, so the scheduler never falls back to its own local time. */
    static final DateTimeFormatter DUE_TIME = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HH:MM", "+00:00").toFormatter();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]{1,200}");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final JsonMapper json;
    private final DaprSettings settings;

    DaprJobs(JsonMapper json, DaprSettings settings) {
        this.json = json;
        this.settings = settings;
        this.http = PlatformHttp.builder(List.of(settings.address())).connectTimeout(TIMEOUT).build();
    }

    @Serdeable
    record Job(@JsonProperty("dueTime") String dueTime, Object data, boolean overwrite) {
    }

    /** Schedules job {@code name} to fire once at {@code dueTime} with {@code data}, replacing a job of that name. */
    void schedule(String name, Instant dueTime, Object data) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(new Job(DUE_TIME.format(dueTime.atOffset(ZoneOffset.UTC)), data, true));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise the data of job " + name, e);
        }
        send(request(name).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)), false);
    }

    /** Deletes job {@code name}; one that does not exist (it fired, or never was) is not an error. */
    void delete(String name) {
        send(request(name).DELETE(), true);
    }

    private HttpRequest.Builder request(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a usable job name: " + name);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.address() + "/v1.0/jobs/" + name))
            .timeout(TIMEOUT);
        if (settings.hasApiToken()) {
            request.header("dapr-api-token", settings.apiToken());
        }
        return request;
    }

    private void send(HttpRequest.Builder builder, boolean notFoundIsFine) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(request, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(request, "interrupted");
        }
        int status = response.statusCode();
        if (status / 100 != 2 && !(notFoundIsFine && status == 404)) {
            throw unavailable(request, "HTTP " + status + " " + response.body());
        }
    }

    private static KadenceException unavailable(HttpRequest request, String why) {
        return new KadenceException(ErrorCode.UNAVAILABLE,
            "Dapr Jobs API: " + request.method() + " " + request.uri().getPath() + " failed: " + why);
    }
}
