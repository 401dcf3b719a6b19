package dev.kadence.local.knative;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SinkRequestTest {
    private static ConsumerRecord<String, byte[]> record(RecordHeaders headers) {
        return new ConsumerRecord<>("task-events", 2, 41L, 1_795_000_000_000L, TimestampType.CREATE_TIME, 0, 0,
            "task-1", "{}".getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    @Test
    void ourBinaryCloudEventPassesThroughUnchanged() {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", "1.0".getBytes()).add("ce_id", "e-1".getBytes()).add("ce_type", "dev.kadence.task.created".getBytes())
            .add("ce_source", "/kadence/task-crud".getBytes()).add("ce_partitionkey", "task-1".getBytes())
            .add("content-type", "application/json".getBytes());
        Map<String, String> headers = SinkRequest.headers(record(h), "reminder-fire-task-events", "kadence");
        assertEquals("e-1", headers.get("ce-id"));
        assertEquals("dev.kadence.task.created", headers.get("ce-type"));
        assertEquals("/kadence/task-crud", headers.get("ce-source"));
        assertEquals("task-1", headers.get("ce-partitionkey"));
        assertEquals("application/json", headers.get("Content-Type"));
        assertFalse(headers.containsKey("ce-key"));
    }

    @Test
    void aPlainRecordIsWrappedAsTheKafkaSourceWrapsIt() {
        Map<String, String> headers = SinkRequest.headers(record(new RecordHeaders()), "notify-reminders", "kadence");
        assertEquals("1.0", headers.get("ce-specversion"));
        assertEquals("dev.knative.kafka.event", headers.get("ce-type"));
        assertEquals("partition:2/offset:41", headers.get("ce-id"));
        assertEquals("/apis/v1/namespaces/kadence/kafkasources/notify-reminders#task-events", headers.get("ce-source"));
        assertEquals("partition:2#41", headers.get("ce-subject"));
        assertEquals("task-1", headers.get("ce-key"));
        assertTrue(headers.get("ce-time").startsWith("2026-11-18T"));
    }

    @Test
    void knativeRetriesTheseAnswersOnlyAndBacksOffAsConfigured() {
        for (int status : new int[] {500, 502, 503, 404, 408, 409, 429}) {
            assertTrue(DeliveryPolicy.retryable(status), "retries " + status);
        }
        for (int status : new int[] {400, 401, 403, 413, 415, 422}) {
            assertFalse(DeliveryPolicy.retryable(status), "does not retry " + status);
        }
        DeliveryPolicy exponential = new DeliveryPolicy(3, "exponential", Duration.ofMillis(200));
        assertEquals(Duration.ofMillis(400), exponential.backoff(1));
        assertEquals(Duration.ofMillis(1600), exponential.backoff(3));
        assertEquals(Duration.ofMillis(600), new DeliveryPolicy(3, "linear", Duration.ofMillis(200)).backoff(3));
    }
}
