package dev.kadence.testing;

import dev.kadence.core.db.Migrate;
import dev.kadence.core.event.Topics;
import dev.kadence.testkit.KafkaSinkIngress;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.BrokerServer;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Real infrastructure for tests, one of each per JVM: an embedded PostgreSQL 17 with Kadence's schema (applied by
 * {@link Migrate}, as before a deploy), an in-JVM KRaft Kafka broker with Kadence's topics, and in front of it the
 * KafkaSinks the functions publish through (the local platform's stand-in, {@link KafkaSinkIngress}). They close in a
 * shutdown hook, after the Micronaut contexts.
 */
public final class TestInfra {
    private static EmbeddedPostgres postgres;
    private static KafkaClusterTestKit kafka;
    private static KafkaSinkIngress sinks;

    private TestInfra() {
    }

    /** Configuration that points a Kadence function at this infrastructure. */
    public static synchronized Map<String, String> properties() {
        start();
        return Map.ofEntries(
            Map.entry("datasources.default.url", jdbcUrl()),
            Map.entry("datasources.default.username", "postgres"),
            Map.entry("datasources.default.password", ""),
            Map.entry("kadence.sinks.task-events", sinkUrl(Topics.TASK_EVENTS)),
            Map.entry("kadence.sinks.task-updates", sinkUrl(Topics.TASK_UPDATES)),
            Map.entry("kadence.sinks.reminders", sinkUrl(Topics.REMINDERS)),
            Map.entry("kadence.sinks.max-backoff", "500ms"),
            Map.entry("kadence.sinks.request-timeout", "4s"),
            Map.entry("kadence.auth.bcrypt-cost", "4"),
            Map.entry("kadence.auth.jwt-secret", "test-secret-that-is-long-enough-for-hs256-signing"),
            Map.entry("kadence.cursor-secret", "test-cursor-secret"),
            Map.entry("kadence.platform.delivery-token", dev.kadence.testkit.KafkaSource.TOKEN),
            Map.entry("kadence.platform.app-api-token", dev.kadence.testkit.FakeDapr.APP_API_TOKEN),
            Map.entry("micronaut.server.port", "-1"));
    }

    /** The migrated database, as the functions' KADENCE_DB_URL (user postgres, no password). */
    public static synchronized String jdbcUrl() {
        start();
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public static synchronized String bootstrapServers() {
        start();
        return kafka.bootstrapServers();
    }

    /** The KafkaSink that writes to {@code topic} of the in-JVM broker. */
    public static synchronized String sinkUrl(String topic) {
        start();
        return sinks.url(sinkPath(topic));
    }

    private static String sinkPath(String topic) {
        return "/kadence/" + topic;
    }

    /** Stops the broker (the controller stays up), as an outage the functions must ride out. */
    public static synchronized void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    public static synchronized void startBroker() {
        broker().startup();
    }

    private static BrokerServer broker() {
        return kafka.brokers().values().iterator().next();
    }

    private static void start() {
        if (postgres != null) {
            return;
        }
        try {
            Path work = Files.createTempDirectory("kadence-test-pg");
            postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile()).start();
            Migrate.apply(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
            // fixed ports, so that a broker stopped by a test comes back where its clients look for it
            String listeners = "EXTERNAL://localhost:" + freePort() + ",CONTROLLER://localhost:" + freePort();
            kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                    .setPerServerProperties(Map.of(0, Map.of("listeners", listeners)))
                    .build())
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(Topics.ALL.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get();
            }
            sinks = KafkaSinkIngress.start(new InetSocketAddress("127.0.0.1", 0), kafka.bootstrapServers(),
                Topics.ALL.stream().collect(java.util.stream.Collectors.toMap(TestInfra::sinkPath, t -> t)), Duration.ofSeconds(2));
        } catch (Exception e) {
            throw new IllegalStateException("could not start test infrastructure", e);
        }
        // The broker must not halt the test JVM over a late fault (it calls Exit.halt on a lost log directory).
        org.apache.kafka.common.utils.Exit.setHaltProcedure((code, message) -> System.err.println("kafka wanted to halt: " + message));
        org.apache.kafka.common.utils.Exit.setExitProcedure((code, message) -> System.err.println("kafka wanted to exit: " + message));
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::stop, "test-infra-stop"));
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Closes the sinks, the broker, then the database. Called when the test run ends ({@link TestInfraShutdown}), before the
     * JVM's shutdown hooks run: the test kit's own hooks delete the broker's directories, and racing them would
     * fail the broker's shutdown. The hook registered above is only the fallback.
     */
    static synchronized void stop() {
        if (postgres == null) {
            return;
        }
        for (AutoCloseable c : List.<AutoCloseable>of(sinks, kafka, postgres)) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("test infrastructure: " + e);
            }
        }
        sinks = null;
        kafka = null;
        postgres = null;
    }
}
