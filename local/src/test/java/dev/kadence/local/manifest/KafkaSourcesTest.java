package dev.kadence.local.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import dev.kadence.local.manifest.KafkaSources.Subscription;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KafkaSourcesTest {

    @Test
    void theChartFeedsEachFunctionFromItsTopicWithTheLocalDeliverySettings() {
        Map<String, Subscription> byName = KafkaSources.fromChart(Repository.root()).stream()
                .collect(Collectors.toMap(Subscription::name, Function.identity()));

        assertEquals(Map.of(
                "recurrence-handler-task-events", List.of("task-events"),
                "reminder-fire-task-events", List.of("task-events"),
                "notify-reminders", List.of("reminders"),
                "notify-task-updates", List.of("task-updates"),
                "notify-task-events", List.of("task-events")),
                byName.values().stream().collect(Collectors.toMap(Subscription::name, Subscription::topics)));
        assertEquals(new Subscription("notify-reminders", List.of("reminders"), "kadence-notify-reminders", "notify",
                "/events", 3, "exponential", Duration.ofMillis(200), "kadence-dead-letters"),
                byName.get("notify-reminders"));
        assertEquals("recurrence-handler", byName.get("recurrence-handler-task-events").sinkService());
        assertEquals("kadence-reminder-fire-task-events", byName.get("reminder-fire-task-events").consumerGroup());
    }

    @Test
    void aDeadLetterSinkThatNamesNoKafkaSinkIsRefused() throws IOException {
        String yaml = Files.readString(Repository.manifest("kafkasource-without-kafkasink.yaml"));

        var error = assertThrows(IllegalStateException.class, () -> KafkaSources.from(Chart.read(yaml)));

        assertTrue(error.getMessage().contains("no KafkaSink named kadence-dead-letters"), error.getMessage());
    }

    @Test
    void aSourceWithoutDeliveryIsNotRetriedAndHasNoDeadLetterTopic() throws IOException {
        String yaml = Files.readString(Repository.manifest("kafkasource-without-delivery.yaml"));

        Subscription subscription = KafkaSources.from(Chart.read(yaml)).getFirst();

        assertEquals(new Subscription("plain", List.of("a", "b"), "plain-group", "notify", "/", 0, "exponential",
                Duration.ZERO, null), subscription);
    }
}
