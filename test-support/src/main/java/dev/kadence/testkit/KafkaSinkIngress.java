package dev.kadence.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stands in for Knative's {@code kafka-sink-ingress}: one HTTP endpoint per KafkaSink, {@code /<namespace>/<name>}, that
 * takes a binary-mode CloudEvent and writes it to the sink's topic as a binary-mode record ({@code ce_*} headers, key =
 * the {@code partitionkey} extension). It answers 202 only once the broker acknowledged the record, 503 when it did not
 * (down, or not within the timeout), 400 for a request that is no CloudEvent, 404 for a sink it does not know.
 * The local platform runs it for the chart's KafkaSinks; core's tests run it in front of their in-JVM broker.
 */
public final class KafkaSinkIngress implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final Producer<String, byte[]> producer;
    private final Map<String, String> topics;
    private final Duration timeout;

    private KafkaSinkIngress(InetSocketAddress address, String bootstrapServers, Map<String, String> topics,
                             Duration timeout) throws IOException {
        this.topics = Map.copyOf(topics);
        this.timeout = timeout;
        int millis = (int) timeout.toMillis();
        producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, millis / 2,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis / 2,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis / 2,
            ProducerConfig.LINGER_MS_CONFIG, 0,
            ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000,
            ProducerConfig.CLIENT_ID_CONFIG, "kafka-sink-ingress"),
            new StringSerializer(), new ByteArraySerializer());
        server = HttpServer.create(address, 0);
        server.setExecutor(requests);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts the ingress.
     *
     * @param address          where it listens (port 0: any free port)
     * @param bootstrapServers the broker it writes to
     * @param topics           the topic of each sink, by its path {@code /<namespace>/<name>}
     * @param timeout          how long one request may wait for the broker's acknowledgement before it is answered 503
     */
    public static KafkaSinkIngress start(InetSocketAddress address, String bootstrapServers, Map<String, String> topics,
                                         Duration timeout) {
        try {
            return new KafkaSinkIngress(address, bootstrapServers, topics, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("the KafkaSink ingress cannot listen on " + address, e);
        }
    }

    /** The URL of the sink at {@code path} ({@code /<namespace>/<name>}). */
    public String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String topic = topics.get(exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (topic == null) {
                answer(exchange, 404, "no KafkaSink at " + exchange.getRequestURI().getPath());
            } else if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, "POST a CloudEvent");
            } else {
                CloudEvent event;
                try {
                    event = HttpMessageFactory.createReaderFromMultimap(exchange.getRequestHeaders(), body).toEvent();
                } catch (CloudEventRWException | IllegalArgumentException e) {
                    answer(exchange, 400, "not a CloudEvent: " + e.getMessage());
                    return;
                }
                write(exchange, topic, event);
            }
        }
    }

    private void write(HttpExchange exchange, String topic, CloudEvent event) throws IOException {
        Object key = event.getExtension("partitionkey");
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
            .createWriter(topic, key == null ? null : key.toString()).writeBinary(event);
        try {
            producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            answer(exchange, 202, "");
        } catch (ExecutionException e) {
            answer(exchange, 503, "Kafka did not take the record: " + e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            answer(exchange, 503, "Kafka did not take the record: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 503, "stopping");
        }
    }

    private static void answer(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        producer.close(Duration.ofSeconds(2));
    }
}
