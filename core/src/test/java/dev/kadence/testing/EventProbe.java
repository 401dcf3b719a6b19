package dev.kadence.testing;

import dev.kadence.testkit.KafkaSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A plain Kafka consumer that sees what a function published after the probe was opened. Used as
 * {@code probe.settle(); records(...)}: settle waits until the outbox is empty and the probe has read up to
 * the end of every partition, so "exactly one" is decided on everything published, not on a timeout.
 */
public final class EventProbe implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private final BooleanSupplier outboxEmpty;

    public EventProbe(List<String> topics, BooleanSupplier outboxEmpty) {
        this.outboxEmpty = outboxEmpty;
        consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
            new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = topics.stream()
            .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
            .toList();
        consumer.assign(partitions);
        awaitOutboxEmpty();    // events of earlier mutations are acknowledged by the broker before their rows go
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);   // resolve the end offsets now, before anything is published
    }

    /** Waits (up to 20 s) until everything the functions wrote to the outbox has been published and read. */
    public EventProbe settle() {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            boolean drained = outboxEmpty.getAsBoolean();
            poll();
            if (drained && caughtUp()) {
                return this;
            }
        }
        throw new AssertionError("events were not all published within 20 s");
    }

    private void awaitOutboxEmpty() {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!outboxEmpty.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the outbox did not drain within 20 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Records seen so far on {@code topic} with this {@code ce_type} and {@code ce_subject}. */
    public List<ConsumerRecord<String, byte[]>> records(String topic, String type, String subject) {
        return seen.stream()
            .filter(r -> r.topic().equals(topic) && type.equals(header(r, "ce_type")) && subject.equals(header(r, "ce_subject")))
            .toList();
    }

    public List<ConsumerRecord<String, byte[]>> all() {
        return List.copyOf(seen);
    }

    /**
     * The headers a KafkaSource delivers {@code record} with in binary mode: its {@code ce_*} headers as {@code ce-*},
     * its content type, and what the chart's {@code ceOverrides} add, the platform's delivery token.
     */
    public static Map<String, String> deliveryHeaders(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> {
            String value = new String(h.value(), StandardCharsets.UTF_8);
            if (h.key().startsWith("ce_")) {
                headers.put("ce-" + h.key().substring(3), value);
            } else if (h.key().equals("content-type")) {
                headers.put("Content-Type", value);
            }
        });
        headers.put(KafkaSource.TOKEN_HEADER, KafkaSource.TOKEN);
        return headers;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    private boolean caughtUp() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
