package dev.kadence.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks every port the platform will listen on before anything starts, and reports all clashes at once. */
record PortsInUse(Settings settings, List<FunctionSpec> functions) {

    void requireAllFree() {
        List<PortCheck.PortInUse> busy = checks().stream().map(PortCheck::problem).flatMap(Optional::stream).toList();
        if (busy.isEmpty()) {
            return;
        }
        String leftovers = busy.stream().flatMap(problem -> problem.leftover().stream())
                .distinct().map(String::valueOf).collect(Collectors.joining(" "));
        throw new StartupFailure("cannot start, ports are taken:\n"
                + busy.stream().map(problem -> "  " + problem.describe()).collect(Collectors.joining("\n"))
                + (leftovers.isEmpty() ? "" : "\nStop what the earlier run left behind with `kill " + leftovers
                        + "` and start again."));
    }

    private List<PortCheck> checks() {
        DataDirectory data = settings.data();
        List<PortCheck> checks = new ArrayList<>(List.of(
                new PortCheck(settings.postgresPort(), "PostgreSQL", data.postgres().resolve("postmaster.pid"),
                        "KADENCE_PG_PORT"),
                new PortCheck(settings.kafkaPort(), "Kafka broker", data.pidFile("kafka"), "KADENCE_KAFKA_PORT"),
                new PortCheck(settings.kafkaControllerPort(), "Kafka broker", data.pidFile("kafka"),
                        "KADENCE_KAFKA_CONTROLLER_PORT"),
                new PortCheck(settings.sinkPort(), "KafkaSink stand-in", data.pidFile("kadence"), "KADENCE_SINK_PORT")));
        checks.add(new PortCheck(settings.apiPort(), "front door", data.pidFile(FrontDoorProcess.FILE_NAME),
                "KADENCE_PORT"));
        for (FunctionSpec function : functions) {
            checks.add(new PortCheck(function.port(), function.name(), data.pidFile(function.name()),
                    "KADENCE_FUNCTION_PORT_BASE"));
            checks.add(new PortCheck(function.daprPort(), function.name() + "'s Dapr API", data.pidFile("kadence"),
                    "KADENCE_DAPR_PORT_BASE"));
        }
        return checks;
    }
}
