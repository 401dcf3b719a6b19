package dev.kadence.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/** Formats the broker's log dir once (kafka-storage format), with a cluster id generated once and kept. */
final class KafkaStorage {

    private KafkaStorage() {
    }

    static void formatOnce(Settings settings, Path serverProperties, Path log) {
        DataDirectory data = settings.data();
        if (Files.exists(data.kafkaLogDir().resolve("meta.properties"))) {
            return;
        }
        List<String> command = JavaCommand.mainClass(settings.childClasspath(), KafkaBroker.JVM_OPTIONS,
                "kafka.tools.StorageTool", "format", "-t", clusterId(data.kafka().resolve("cluster-id")),
                "-c", serverProperties.toString());
        ChildProcess format = ChildProcess.start("kafka-storage", command, Map.of(), log,
                data.pidFile("kafka-storage"), data.root());
        try {
            if (!format.waitFor(Duration.ofSeconds(60))) {
                format.stop(Duration.ZERO);
                throw new StartupFailure("formatting the Kafka storage took over 60 s (see " + log + ")");
            }
        } catch (InterruptedException e) {
            format.stop(Duration.ZERO);
            throw StartupFailure.interrupted();
        }
        format.stop(Duration.ZERO);
        if (format.exitCode() != 0) {
            throw new StartupFailure("formatting the Kafka storage failed (exit code " + format.exitCode()
                    + "); the end of " + log + ":\n" + format.tail(30));
        }
    }

    private static String clusterId(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new StartupFailure("cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }
}
