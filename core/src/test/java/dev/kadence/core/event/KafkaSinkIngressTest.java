package dev.kadence.core.event;

import dev.kadence.testing.EventProbe;
import dev.kadence.testing.TestInfra;
import dev.kadence.testkit.KafkaSinkIngress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KafkaSinkIngress}, the stand-in for Knative's KafkaSinks that core's tests and the local platform publish
 * through, against the KafkaSink's contract: a binary-mode CloudEvent in, a binary-mode record (key = partitionkey)
 * on the sink's topic out, 2xx only once the broker acknowledged it.
 */
class KafkaSinkIngressTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aBinaryCloudEventBecomesARecordWithItsAttributesAsHeadersAndItsPartitionKeyAsKey() throws Exception {
        String task = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        try (EventProbe probe = new EventProbe(List.of(Topics.TASK_UPDATES), () -> true)) {
            HttpResponse<String> answer = post(TestInfra.sinkUrl(Topics.TASK_UPDATES), event(id, task), "{\"title\":\"x\"}");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            ConsumerRecord<String, byte[]> record = probe.settle().records(Topics.TASK_UPDATES, EventTypes.TASK_CHANGED, task)
                .getFirst();
            assertThat(record.key()).isEqualTo(task);
            assertThat(EventProbe.header(record, "ce_id")).isEqualTo(id);
            assertThat(EventProbe.header(record, "ce_source")).isEqualTo("/kadence/test");
            assertThat(EventProbe.header(record, "ce_partitionkey")).isEqualTo(task);
            assertThat(EventProbe.header(record, "ce_time")).isEqualTo("2026-12-06T21:00:00Z");
            assertThat(EventProbe.header(record, "content-type")).isEqualTo("application/json");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"x\"}");
        }
    }

    @Test
    void aRequestThatIsNoCloudEventIsRefusedAndAnUnknownSinkIsNotFound() throws Exception {
        assertThat(post(TestInfra.sinkUrl(Topics.TASK_UPDATES), Map.of("Content-Type", "application/json"), "{}").statusCode())
            .isEqualTo(400);
        String unknown = TestInfra.sinkUrl(Topics.TASK_UPDATES).replace(Topics.TASK_UPDATES, "nowhere");
        assertThat(post(unknown, event(UUID.randomUUID().toString(), "t"), "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void whatTheBrokerDidNotAcknowledgeIsNotAnswered2xx() throws Exception {
        String sink = TestInfra.sinkUrl(Topics.TASK_UPDATES);
        HttpResponse<String> answer;
        TestInfra.stopBroker();
        try {
            answer = post(sink, event(UUID.randomUUID().toString(), "t"), "{}");
        } finally {
            TestInfra.startBroker();
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    }

    private static Map<String, String> event(String id, String task) {
        return Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "/kadence/test", "ce-type", EventTypes.TASK_CHANGED,
            "ce-subject", task, "ce-time", "2026-12-06T21:00:00Z", "ce-partitionkey", task, "Content-Type", "application/json");
    }

    private static HttpResponse<String> post(String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
