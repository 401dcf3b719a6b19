package dev.kadence.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** What an HTTP function answered, as its tests look at it: the status, the content type, the body, and its JSON. */
public record ApiAnswer(int status, String contentType, String body, Map<String, Object> json) {

    /** {@code response}, its body read as a JSON object when its content type is JSON (else an empty map). */
    public static ApiAnswer of(HttpResponse<String> response, JsonMapper mapper) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        try {
            Map<String, Object> parsed = type.contains("json") && !response.body().isEmpty()
                ? mapper.readValue(response.body(), Argument.mapOf(String.class, Object.class)) : Map.of();
            return new ApiAnswer(response.statusCode(), type, response.body(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code errors} of a problem+json answer. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> errors() {
        return (List<Map<String, Object>>) json.get("errors");
    }
}
