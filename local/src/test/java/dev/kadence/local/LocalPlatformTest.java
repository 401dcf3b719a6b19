package dev.kadence.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real PostgreSQL and Kafka broker, started twice on one data directory: what the first run wrote is kept. */
class LocalPlatformTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsTopicsEventsAndRowsBetweenRunsAndFreesItsPorts() throws Exception {
        Settings settings = settingsOnFreePorts();
        settings.data().create();

        Map<String, Uuid> topicIds;
        LocalPlatform first = new LocalPlatform(settings, new Progress(System.out));
        try {
            first.start(List.of());
            topicIds = topicIds(settings);
            assertEquals(Set.copyOf(LocalPlatform.TOPICS), topicIds.keySet());
            publish(settings, "task-events", "task-1", "{\"type\":\"created\"}");
            sql(settings, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written before the restart')");
        } finally {
            first.stop();
        }
        assertPortsFree(settings);

        LocalPlatform second = new LocalPlatform(settings, new Progress(System.out));
        try {
            second.start(List.of());
            assertEquals(topicIds, topicIds(settings), "the same topics, not new ones with the same names");
            assertEquals(1, recordCount(settings, "task-events"));
            assertEquals("written before the restart", sql(settings, "SELECT note FROM kept"));
        } finally {
            second.stop();
        }
        assertPortsFree(settings);
    }

    private Settings settingsOnFreePorts() throws IOException {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < 4) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.add(socket.getLocalPort());
            }
        }
        List<Integer> p = List.copyOf(ports);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new Settings(new DataDirectory(dataDir), p.get(0), p.get(1), p.get(2), p.get(3), classpath);
    }

    private static void assertPortsFree(Settings settings) {
        for (int port : List.of(settings.postgresPort(), settings.kafkaPort(), settings.kafkaControllerPort())) {
            assertTrue(PortCheck.isFree(port), "port " + port + " is still in use after stop");
        }
    }

    private static Map<String, Uuid> topicIds(Settings settings) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.kafkaBootstrap()))) {
            Set<String> names = admin.listTopics().names().get();
            return admin.describeTopics(names).allTopicNames().get().values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, TopicDescription::topicId));
        }
    }

    private static long recordCount(Settings settings, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> ends = IntStream.range(0, 3).mapToObj(partition -> new TopicPartition(topic, partition))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.kafkaBootstrap()))) {
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    private static void publish(Settings settings, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", settings.kafkaBootstrap(), "acks", "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Runs the statements; returns the first column of the first row the last one produced, if any. */
    private static String sql(Settings settings, String statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(),
                Settings.DATABASE_USER, Settings.DATABASE_PASSWORD)) {
            String result = null;
            for (String statement : statements.split(";")) {
                try (var executed = connection.createStatement()) {
                    if (executed.execute(statement)) {
                        try (ResultSet rows = executed.getResultSet()) {
                            result = rows.next() ? rows.getString(1) : null;
                        }
                    }
                }
            }
            return result;
        }
    }
}
