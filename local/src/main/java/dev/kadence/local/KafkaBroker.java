package dev.kadence.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real Kafka broker (KRaft, one node) in its own JVM, started from this launcher's libraries. */
final class KafkaBroker {

    /**
     * Also the storage format's. C1 only: a laptop's broker carries a few events a second, and C2 compiling while it
     * starts cost ~3 s of CPU at every platform start (Kafka's CPU until ready 7.9-8.2 s with C2, 4.7-4.8 s without).
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS");

    private final ChildProcess process;
    private final String bootstrap;

    private KafkaBroker(ChildProcess process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    /** Formats the storage if needed and launches the broker; {@link #awaitReady} waits until it answers. */
    static KafkaBroker start(Settings settings) {
        DataDirectory data = settings.data();
        Path properties = BrokerConfig.write(settings);
        Path log = data.log("kafka");
        KafkaStorage.formatOnce(settings, properties, log);
        List<String> command = JavaCommand.mainClass(settings.childClasspath(), JVM_OPTIONS,
                "kafka.Kafka", properties.toString());
        ChildProcess process = ChildProcess.start("kafka", command, Map.of(), log, data.pidFile("kafka"), data.root());
        return new KafkaBroker(process, settings.kafkaBootstrap());
    }

    void awaitReady(Duration timeout) {
        try (KafkaAdmin admin = new KafkaAdmin(bootstrap)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!admin.clusterAnswers()) {
                if (!process.isAlive()) {
                    throw new StartupFailure("the Kafka broker " + process.exit()
                            + "; the end of " + process.log() + ":\n" + process.tail(30));
                }
                if (System.nanoTime() > deadline) {
                    throw new StartupFailure("the Kafka broker did not answer on " + bootstrap + " within "
                            + timeout.toSeconds() + " s; see " + process.log());
                }
                sleep(Duration.ofMillis(200));
            }
        }
    }

    ChildProcess process() {
        return process;
    }

    /** SIGTERM: Kafka's own shutdown hook flushes and closes the logs; killed only after the grace period. */
    void stop(Duration grace) {
        process.stop(grace);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            throw StartupFailure.interrupted();
        }
    }
}
