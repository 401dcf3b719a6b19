package dev.kadence.core.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingEventsTest {
    static final String TASK = "0b6f1f1e-8c1a-4c57-9d5e-2f1f7d1c3a10";
    static final String USER = "1c97bca6-1f0e-4a55-8d7e-3c9f1b2a4d60";
    private static final byte[] DATA = ("{\"task_id\":\"" + TASK + "\",\"user_id\":\"" + USER + "\"}").getBytes(StandardCharsets.UTF_8);

    /** The headers a KafkaSource sends for one of our binary-mode records. */
    static Map<String, String> kafkaSourceHeaders() {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", "e-1");
        headers.put("ce-source", "/kadence/task-crud");
        headers.put("ce-type", "dev.kadence.task.completed");
        headers.put("ce-subject", TASK);
        headers.put("ce-time", "2026-11-22T02:59:52.616704Z");
        headers.put("ce-partitionkey", TASK);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    @Test
    void readsABinaryModeEventAsAKafkaSourceSendsIt() {
        CloudEvent event = IncomingEvents.read(kafkaSourceHeaders(), DATA);

        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getId()).isEqualTo("e-1");
        assertThat(event.getSource()).isEqualTo(URI.create("/kadence/task-crud"));
        assertThat(event.getType()).isEqualTo("dev.kadence.task.completed");
        assertThat(event.getSubject()).isEqualTo(TASK);
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-11-22T02:59:52.616704Z"));
        assertThat(event.getExtension("partitionkey")).isEqualTo(TASK);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getData().toBytes()).isEqualTo(DATA);
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Map<String, String> headers = new HashMap<>();
        kafkaSourceHeaders().forEach((name, value) -> headers.put(name.toUpperCase().replace("CE-", "Ce-"), value));

        CloudEvent event = IncomingEvents.read(headers, DATA);

        assertThat(event.getId()).isEqualTo("e-1");
        assertThat(event.getExtension("partitionkey")).isEqualTo(TASK);
    }

    @Test
    void readsAStructuredModeEvent() {
        String json = """
            {"specversion":"1.0","id":"e-2","source":"/kadence/reminder-fire","type":"dev.kadence.reminder.due",
             "subject":"t-2","datacontenttype":"application/json",
             "data":{"reminder_id":"5d0c1b7a-3e2f-4c8d-9a61-7b4e2d9f0c33","task_id":"%s","user_id":"%s"}}""".formatted(TASK, USER);

        CloudEvent event = IncomingEvents.read(Map.of("Content-Type", "application/cloudevents+json; charset=utf-8"),
            json.getBytes(StandardCharsets.UTF_8));

        assertThat(event.getId()).isEqualTo("e-2");
        assertThat(event.getType()).isEqualTo("dev.kadence.reminder.due");
        assertThat(event.getSubject()).isEqualTo("t-2");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"reminder_id\"").contains("\"5d0c1b7a-");
    }

    @Test
    void rejectsABinaryEventWithoutAnId() {
        Map<String, String> headers = kafkaSourceHeaders();
        headers.remove("ce-id");

        assertThatThrownBy(() -> IncomingEvents.read(headers, DATA)).isInstanceOf(UnprocessableEvent.class)
            .hasMessageContaining("id");
    }

    @Test
    void rejectsAnEmptyId() {
        Map<String, String> headers = kafkaSourceHeaders();
        headers.put("ce-id", "  ");

        assertThatThrownBy(() -> IncomingEvents.read(headers, DATA)).isInstanceOf(UnprocessableEvent.class);
    }

    @Test
    void rejectsAnUnknownSpecVersion() {
        Map<String, String> headers = kafkaSourceHeaders();
        headers.put("ce-specversion", "9.9");

        assertThatThrownBy(() -> IncomingEvents.read(headers, DATA)).isInstanceOf(UnprocessableEvent.class);
    }

    @Test
    void rejectsARequestThatIsNoCloudEventAtAll() {
        assertThatThrownBy(() -> IncomingEvents.read(Map.of("Content-Type", "application/json"), DATA))
            .isInstanceOf(UnprocessableEvent.class);
    }

    @Test
    void rejectsABadTime() {
        Map<String, String> headers = kafkaSourceHeaders();
        headers.put("ce-time", "yesterday");

        assertThatThrownBy(() -> IncomingEvents.read(headers, DATA)).isInstanceOf(UnprocessableEvent.class);
    }

    @Test
    void rejectsInvalidJsonInStructuredMode() {
        assertThatThrownBy(() -> IncomingEvents.read(Map.of("Content-Type", "application/cloudevents+json"),
            "{\"specversion\":\"1.0\",\"id\":".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(UnprocessableEvent.class);
    }

    @Test
    void rejectsAStructuredEventMissingARequiredAttribute() {
        assertThatThrownBy(() -> IncomingEvents.read(Map.of("Content-Type", "application/cloudevents+json"),
            "{\"specversion\":\"1.0\",\"id\":\"e-3\",\"type\":\"dev.kadence.task.created\"}".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(UnprocessableEvent.class)
            .hasMessageContaining("source");
    }

    @Test
    void anUnprocessableEventIsA400() {
        assertThat(new UnprocessableEvent("x").code().status()).isEqualTo(400);
    }
}
