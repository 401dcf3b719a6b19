package dev.kadence.local;

import dev.kadence.local.knative.KafkaSourceDelivery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.kadence.testkit.Waits.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A KafkaSource consumer that dies hard (its launcher killed with {@code kill -9}: it never leaves its group) must not
 * keep the next start's consumer from its partitions beyond the platform's wait ({@link ClusterServices}: 30 s, else
 * "KafkaSource … got no partitions of […] within 30 s"). A dynamic member would hold them until the broker gives up
 * on the dead one's session (45 s by default); the consumer is a static member (group.instance.id per source) with a
 * 10 s session, so the new one takes the dead one's place. The dead consumer runs in a JVM of its own, on a real
 * broker, as in a launcher.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSourceRestartTest {
    /** How long the local platform waits for a KafkaSource's partitions at start-up. */
    private static final Duration PLATFORM_WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "reminders";

    private Settings settings;
    private KafkaBroker broker;

    @BeforeAll
    void startBroker(@TempDir Path work) {
        settings = PlatformTestSupport.settings(work.resolve("data"), work);
        broker = KafkaBroker.start(settings);
        broker.awaitReady(Duration.ofSeconds(60));
        try (KafkaAdmin admin = new KafkaAdmin(settings.kafkaBootstrap())) {
            admin.createMissing(List.of(TOPIC), 3);
        }
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void afterItsConsumerDiesHardTheNextStartGetsThePartitionsWithinThePlatformsWait(@TempDir Path work) throws Exception {
        Path output = work.resolve("consumer.out");
        Process dying = consumerProcess(output);
        try {
            await("the first consumer owns the partitions of " + TOPIC, Duration.ofSeconds(60),
                () -> read(output).contains(KafkaSourceConsumer.ASSIGNED) || !dying.isAlive());
            assertTrue(dying.isAlive(), "the first consumer runs: " + read(output));
        } finally {
            dying.destroyForcibly();            // SIGKILL: no LeaveGroup, the broker still counts it a member
            assertTrue(dying.waitFor(10, TimeUnit.SECONDS));
        }

        long started = System.nanoTime();
        try (KafkaSourceDelivery next = KafkaSourceConsumer.start(settings.kafkaBootstrap(), TOPIC)) {
            boolean assigned = next.awaitAssignment(PLATFORM_WAIT);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(assigned, "the next start's consumer got no partitions of " + TOPIC + " within "
                + PLATFORM_WAIT.toSeconds() + " s of the first one's hard death");
            System.out.printf("the next consumer owned the partitions %d ms after it started%n", took.toMillis());
        }
    }

    private Process consumerProcess(Path output) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", settings.childClasspath(),
            KafkaSourceConsumer.class.getName(), settings.kafkaBootstrap(), TOPIC)
            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
