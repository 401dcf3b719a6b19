package dev.kadence.local.knative;

import dev.kadence.local.manifest.KafkaSources;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Delivers one KafkaSource's records to its sink exactly as the Knative KafkaSource dispatcher does (with
 * {@code delivery.order: ordered}): its own consumer group; records of a partition one at a time, in order;
 * each POSTed as a binary CloudEvent; retried per the source's {@code delivery}; handed to the dead-letter
 * topic when retries run out or the sink refuses it for good; the offset committed only after a 2xx or that
 * hand-off, so a crash re-delivers rather than loses. While the sink's app is being restarted, deliveries wait for it
 * ({@link Activator}); an attempt that found it gone uses up no retry.
 */
public final class KafkaSourceDelivery implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KafkaSourceDelivery.class.getName());
    private final KafkaSources.Subscription source;
    private final URI sink;
    private final String namespace;
    private final Map<String, String> ceOverrides;
    private final DeliveryPolicy policy;
    private final Activator activator;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread thread;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile boolean running = true;

    /** @param sinkBase the base address of the Service the source's sink names, e.g. http://127.0.0.1:8082 */
    public KafkaSourceDelivery(KafkaSources.Subscription source, String bootstrapServers, URI sinkBase, String namespace,
                               Activator activator) {
        this(source, bootstrapServers, sinkBase, namespace, activator, Map.of());
    }

    /**
     * @param activator   holds a delivery while the sink's function is restarting
     * @param ceOverrides the extensions the KafkaSource's {@code ceOverrides} sets on every event it delivers (in the
     *                    chart: {@code kadencetoken}, the platform's delivery token), sent as {@code ce-<name>} headers
     */
    public KafkaSourceDelivery(KafkaSources.Subscription source, String bootstrapServers, URI sinkBase, String namespace,
                               Activator activator, Map<String, String> ceOverrides) {
        this.activator = activator;
        this.source = source;
        this.ceOverrides = Map.copyOf(ceOverrides);
        this.sink = sinkBase.resolve(source.sinkPath() == null || source.sinkPath().isBlank() ? "/" : source.sinkPath());
        this.namespace = namespace;
        this.policy = new DeliveryPolicy(source.retry(), source.backoffPolicy(), source.backoffDelay());
        this.consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, source.consumerGroup(),
            // a static member: the next start's consumer takes its place at once, even when the launcher was killed
            // and never left the group (a dynamic one waits out the dead member's session timeout, 45 s by default)
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "kafkasource-" + source.name(),
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000,
            ConsumerConfig.CLIENT_ID_CONFIG, "kafkasource-" + source.name()),
            new StringDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(Map.of(
            "bootstrap.servers", bootstrapServers, "acks", "all", "enable.idempotence", true,
            "client.id", "kafkasource-" + source.name() + "-dls"), new StringSerializer(), new ByteArraySerializer());
        this.thread = Thread.ofPlatform().name("kafkasource-" + source.name()).daemon().unstarted(this::run);
    }

    public KafkaSourceDelivery start() {
        consumer.subscribe(source.topics(), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                assigned.countDown();
            }
        });
        thread.start();
        return this;
    }

    /** Waits until the source's consumer owns its partitions, so that "ready" means events flow at once. */
    public boolean awaitAssignment(Duration limit) throws InterruptedException {
        return assigned.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public URI sink() {
        return sink;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    deliver(record);
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException | InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
            // closing: what was not committed is delivered again next time
        } catch (RuntimeException e) {
            LOG.severe("kafkasource " + source.name() + " stopped: " + e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Returns once the record is delivered or dead-lettered; throws only when closing. */
    private void deliver(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Map<String, String> headers = SinkRequest.headers(record, source.name(), namespace);
        ceOverrides.forEach((name, value) -> headers.put("ce-" + name, value));
        int status = 0;
        String answer = "";
        for (int attempt = 0; attempt <= policy.retry(); attempt++) {
            if (attempt > 0) {
                pause(policy.backoff(attempt));
            }
            awaitSink();
            try {
                HttpResponse<byte[]> response = http.send(SinkRequest.build(sink, headers, record.value()), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                answer = new String(Arrays.copyOf(response.body(), Math.min(response.body().length, 1024)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                status = 0;
                answer = e.toString();
                if (!activator.isReady(sink)) {
                    attempt--;      // the sink died under it: held until it is back, as a cold pod's request would be
                    continue;
                }
            }
            if (status / 100 == 2) {
                return;
            }
            if (status != 0 && !DeliveryPolicy.retryable(status)) {
                break;
            }
        }
        deadLetter(record, headers, status, answer);
    }

    /** Waits while the sink's app is being restarted, up to {@link Activator#HOLD}; a close() ends the wait. */
    private void awaitSink() throws InterruptedException {
        long deadline = System.nanoTime() + Activator.HOLD.toNanos();
        while (!activator.awaitReady(sink, Duration.ofMillis(200)) && System.nanoTime() < deadline) {
            if (!running) {
                throw new InterruptedException("closing");
            }
        }
    }

    /** Waits out a backoff; a close() ends the wait early and the record stays uncommitted for next time. */
    private synchronized void pause(Duration backoff) throws InterruptedException {
        long until = System.nanoTime() + backoff.toNanos();
        for (long left = backoff.toMillis(); running && left > 0; left = (until - System.nanoTime()) / 1_000_000) {
            wait(left);
        }
        if (!running) {
            throw new InterruptedException("closing");
        }
    }

    /** Hands the event to the dead-letter topic with Knative's error extensions, and waits for the broker to take it. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, Map<String, String> headers, int status, String answer) {
        if (source.deadLetterTopic() == null) {
            LOG.warning("kafkasource " + source.name() + ": dropped " + headers.get("ce-id") + " (" + status + "), no dead-letter sink");
            return;
        }
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(source.deadLetterTopic(), record.key(), record.value());
        headers.forEach((name, value) -> out.headers().add(name.startsWith("ce-") ? "ce_" + name.substring(3)
            : name.toLowerCase(java.util.Locale.ROOT), value.getBytes(StandardCharsets.UTF_8)));
        out.headers().add("ce_knativeerrordest", sink.toString().getBytes(StandardCharsets.UTF_8));
        out.headers().add("ce_knativeerrorcode", Integer.toString(status).getBytes(StandardCharsets.UTF_8));
        out.headers().add("ce_knativeerrordata", Base64.getEncoder().encode(answer.getBytes(StandardCharsets.UTF_8)));
        try {
            deadLetters.send(out).get();
        } catch (Exception e) {
            throw new IllegalStateException("dead-letter topic " + source.deadLetterTopic() + " did not take the event", e);
        }
        LOG.warning("kafkasource " + source.name() + ": " + headers.get("ce-id") + " dead-lettered after " + status);
    }

    @Override
    public void close() {
        synchronized (this) {
            running = false;
            notifyAll();
        }
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(2));
    }
}
