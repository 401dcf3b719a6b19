package dev.kadence.local.manifest;

import io.fabric8.knative.duck.v1.DeliverySpec;
import io.fabric8.knative.duck.v1.Destination;
import io.fabric8.knative.duck.v1.KReference;
import io.fabric8.knative.eventing.v1alpha1.KafkaSink;
import io.fabric8.knative.sources.v1.KafkaSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The KafkaSources of the knative/ chart as the local platform needs them: who consumes what, and how. */
public final class KafkaSources {

    /**
     * One KafkaSource of the knative/ chart: which topics feed which function, and how failed deliveries are retried.
     *
     * @param name            the KafkaSource's name, e.g. {@code notify-reminders}
     * @param topics          the topics it consumes
     * @param consumerGroup   its Kafka consumer group
     * @param sinkService     the Knative Service it delivers to, e.g. {@code notify}
     * @param sinkPath        the path events are POSTed to on that service, e.g. {@code /events} ({@code /} if unset)
     * @param retry           retries after the first failed attempt (0 if the source sets no delivery)
     * @param backoffPolicy   {@code exponential} (delay × 2^retry) or {@code linear} (delay × retry)
     * @param backoffDelay    the base delay between attempts
     * @param deadLetterTopic the topic of the KafkaSink that receives what still fails, or null if none
     */
    public record Subscription(String name, List<String> topics, String consumerGroup, String sinkService,
                               String sinkPath, int retry, String backoffPolicy, Duration backoffDelay,
                               String deadLetterTopic) {

        public Subscription {
            topics = List.copyOf(topics);
        }
    }

    private KafkaSources() {
    }

    /**
     * Renders {@code <repoRoot>/knative} with {@code values-local.yaml} in this JVM and returns one subscription per
     * KafkaSource. For tests and tools: a long-running process should render in a child JVM ({@link RenderChart})
     * and call {@link #fromRendered}, because helm-java takes over this JVM's signal handling.
     */
    public static List<Subscription> fromChart(Path repoRoot) {
        Path chart = repoRoot.resolve("knative");
        return fromRendered(Chart.render(chart, chart.resolve("values-local.yaml")));
    }

    /** The subscriptions of an already rendered chart (a multi-document YAML stream). */
    public static List<Subscription> fromRendered(String yaml) {
        return from(Chart.read(yaml));
    }

    static List<Subscription> from(List<HasMetadata> resources) {
        Map<String, KafkaSink> sinks = resources.stream()
                .filter(KafkaSink.class::isInstance).map(KafkaSink.class::cast)
                .collect(Collectors.toMap(sink -> sink.getMetadata().getName(), Function.identity()));
        return resources.stream()
                .filter(KafkaSource.class::isInstance).map(KafkaSource.class::cast)
                .map(source -> subscription(source, sinks))
                .toList();
    }

    private static Subscription subscription(KafkaSource source, Map<String, KafkaSink> sinks) {
        String name = source.getMetadata().getName();
        var spec = source.getSpec();
        Destination sink = spec.getSink();
        KReference service = sink == null ? null : sink.getRef();
        if (service == null || !"Service".equals(service.getKind())) {
            throw new IllegalStateException("KafkaSource " + name + ": its sink must reference a Knative Service");
        }
        DeliverySpec delivery = spec.getDelivery() == null ? new DeliverySpec() : spec.getDelivery();
        return new Subscription(name, spec.getTopics(), spec.getConsumerGroup(), service.getName(),
                sinkPath(sink.getUri()),
                delivery.getRetry() == null ? 0 : delivery.getRetry(),
                delivery.getBackoffPolicy() == null ? "exponential" : delivery.getBackoffPolicy(),
                delivery.getBackoffDelay() == null ? Duration.ZERO : Duration.parse(delivery.getBackoffDelay()),
                deadLetterTopic(name, delivery.getDeadLetterSink(), sinks));
    }

    private static String sinkPath(String uri) {
        return uri == null || uri.isEmpty() ? "/" : uri;
    }

    private static String deadLetterTopic(String source, Destination deadLetterSink, Map<String, KafkaSink> sinks) {
        if (deadLetterSink == null) {
            return null;
        }
        KReference ref = deadLetterSink.getRef();
        if (ref == null || !"KafkaSink".equals(ref.getKind())) {
            throw new IllegalStateException("KafkaSource " + source + ": its deadLetterSink must reference a KafkaSink");
        }
        KafkaSink sink = sinks.get(ref.getName());
        if (sink == null) {
            throw new IllegalStateException("KafkaSource " + source + ": no KafkaSink named " + ref.getName());
        }
        return sink.getSpec().getTopic();
    }
}
