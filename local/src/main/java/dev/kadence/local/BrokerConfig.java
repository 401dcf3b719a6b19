package dev.kadence.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code <data>/kafka/server.properties}: one KRaft node that is both broker and controller, on 127.0.0.1 only. */
final class BrokerConfig {

    private BrokerConfig() {
    }

    /** Rewritten on every start, so port settings take effect; the cluster's identity lives in the log dir. */
    static Path write(Settings settings) {
        DataDirectory data = settings.data();
        Path file = data.kafka().resolve("server.properties");
        List<String> lines = List.of(
                "# Written by kadence-local on every start: change the launcher, not this file.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + settings.kafkaControllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort()
                        + ",CONTROLLER://127.0.0.1:" + settings.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort(),
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data.kafkaLogDir(),
                "num.partitions=3",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "auto.create.topics.enable=false",
                "group.initial.rebalance.delay.ms=0",
                "# After a crash the node re-registers once its old session expires: keep that short for one node.",
                "broker.session.timeout.ms=4000",
                "broker.heartbeat.interval.ms=1000");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new StartupFailure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
