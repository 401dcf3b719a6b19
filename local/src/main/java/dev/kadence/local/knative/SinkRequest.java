package dev.kadence.local.knative;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP request a KafkaSource sends for one record: a binary-mode CloudEvent. A record that already is a
 * binary CloudEvent ({@code ce_*} headers) keeps its attributes; any other record is wrapped the way the
 * KafkaSource wraps it (type {@code dev.knative.kafka.event}, id from partition and offset, key as extension).
 */
final class SinkRequest {
    private SinkRequest() {
    }

    static Map<String, String> headers(ConsumerRecord<String, byte[]> record, String sourceName, String namespace) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            String name = h.key().toLowerCase(java.util.Locale.ROOT);
            String value = new String(h.value(), StandardCharsets.UTF_8);
            if (name.startsWith("ce_")) {
                headers.put("ce-" + name.substring(3), value);
            } else if (name.equals("content-type")) {
                headers.put("Content-Type", value);
            }
        }
        if (!headers.containsKey("ce-specversion")) {
            headers.put("ce-specversion", "1.0");
            headers.put("ce-id", "partition:" + record.partition() + "/offset:" + record.offset());
            headers.put("ce-source", "/apis/v1/namespaces/" + namespace + "/kafkasources/" + sourceName + "#" + record.topic());
            headers.put("ce-type", "dev.knative.kafka.event");
            headers.put("ce-subject", "partition:" + record.partition() + "#" + record.offset());
            headers.put("ce-time", Instant.ofEpochMilli(record.timestamp()).toString());
            if (record.key() != null) {
                headers.put("ce-key", record.key());
            }
        }
        return headers;
    }

    static HttpRequest build(URI sink, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(sink).timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0] : body));
        headers.forEach(request::header);
        return request.build();
    }
}
