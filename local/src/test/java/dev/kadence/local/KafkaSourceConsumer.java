package dev.kadence.local;

import dev.kadence.local.knative.Activator;
import dev.kadence.local.knative.KafkaSourceDelivery;
import dev.kadence.local.manifest.KafkaSources;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One KafkaSource's consumer in a JVM of its own, as a launcher runs it, for {@link KafkaSourceRestartTest} to kill
 * with {@code kill -9}: it says {@code assigned} once it owns its partitions, then waits to be killed.
 * Arguments: bootstrap servers, topic.
 */
final class KafkaSourceConsumer {
    static final String ASSIGNED = "assigned";

    private KafkaSourceConsumer() {
    }

    static KafkaSources.Subscription subscription(String topic) {
        return new KafkaSources.Subscription("notify-" + topic, List.of(topic), "kadence-notify-" + topic, "notify",
            "/events", 0, "exponential", Duration.ofMillis(200), "kadence-dead-letters");
    }

    /** The consumer as the local platform makes it; its sink is never called (nothing is published). */
    static KafkaSourceDelivery start(String bootstrap, String topic) {
        return new KafkaSourceDelivery(subscription(topic), bootstrap, URI.create("http://127.0.0.1:9"), "kadence",
            new Activator()).start();
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaSourceDelivery consumer = start(args[0], args[1]);
        if (!consumer.awaitAssignment(Duration.ofSeconds(60))) {
            System.out.println("no partitions within 60 s");
            System.exit(1);
        }
        System.out.println(ASSIGNED);
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(10));     // killed long before; exits on its own if the test died first
    }
}
