package dev.kadence.testkit;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A CloudEvent delivered as a Knative KafkaSource delivers one of our records to a function's {@code POST /events}:
 * binary mode, the attributes as {@code ce-*} headers, the JSON data as the body.
 */
public final class KafkaSource {
    /** Where our task events come from (the outbox of task-crud). */
    public static final String SOURCE = "/kadence/task-crud";
    /**
     * The delivery token the tests' KafkaSource sends (the chart's KafkaSources add it as the CloudEvent extension
     * {@code kadencetoken}); a function under test is configured with it ({@code kadence.platform.delivery-token}).
     */
    public static final String TOKEN = "test-delivery-token";
    /** The header that carries it in binary mode. */
    public static final String TOKEN_HEADER = "ce-kadencetoken";
    private KafkaSource() {
    }

    /**
     * The headers of one delivery: a fresh {@code ce-id}, {@code subject} (a task id) as subject and partition key.
     * The map may be changed before it is sent, to make a delivery a KafkaSource would not make.
     */
    public static Map<String, String> headers(String type, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", UUID.randomUUID().toString());
        headers.put("ce-source", SOURCE);
        headers.put("ce-type", type);
        headers.put("ce-subject", subject);
        headers.put("ce-time", Instant.now().toString());
        headers.put("ce-partitionkey", subject);
        headers.put(TOKEN_HEADER, TOKEN);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    /** The request that delivers {@code data} with {@code headers} to {@code url} (a function's {@code /events}). */
    public static HttpRequest request(String url, Map<String, String> headers, String data) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(data));
        headers.forEach(request::header);
        return request.build();
    }

    /** Delivers an event of {@code type} about {@code subject} with a fresh id, and returns the function's answer. */
    public static HttpResponse<String> deliver(String url, String type, String subject, String data) {
        return Http.send(request(url, headers(type, subject), data));
    }

    /** Delivers {@code data} with {@code headers}, and returns the function's answer. */
    public static HttpResponse<String> deliver(String url, Map<String, String> headers, String data) {
        return Http.send(request(url, headers, data));
    }

}
