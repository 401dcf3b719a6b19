package dev.kadence.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local platform keeps its data and which ports it uses.
 *
 * @param childClasspath the classpath of the Kafka processes this launcher starts (its own libraries)
 */
record Settings(DataDirectory data, int postgresPort, int kafkaPort, int kafkaControllerPort, int sinkPort, int apiPort,
                int functionPortBase, int daprPortBase, Path repositoryRoot, Path daprDirectory, String childClasspath) {

    static final String DATABASE = "kadence";
    static final String DATABASE_USER = "postgres";
    /** initdb runs with trust authentication, so any password works; this one is what the functions get. */
    static final String DATABASE_PASSWORD = "postgres";

    /**
     * Reads KADENCE_DATA, KADENCE_PG_PORT, KADENCE_KAFKA_PORT, KADENCE_KAFKA_CONTROLLER_PORT, KADENCE_SINK_PORT (the
     * stand-in for the KafkaSinks), KADENCE_PORT (the
     * front door), KADENCE_FUNCTION_PORT_BASE (the functions take this port and the next three),
     * KADENCE_DAPR_PORT_BASE (their Dapr endpoints, likewise) and KADENCE_DAPR_DIR.
     */
    static Settings fromEnvironment(Map<String, String> env, Path workingDirectory) {
        String data = env.getOrDefault("KADENCE_DATA", "");
        Path root = workingDirectory.resolve(data.isBlank() ? ".kadence" : data).toAbsolutePath().normalize();
        Path repository = FunctionJars.repositoryRoot(workingDirectory, "KADENCE_DAPR_DIR");
        String dapr = env.getOrDefault("KADENCE_DAPR_DIR", "");
        return new Settings(new DataDirectory(root),
                port(env, "KADENCE_PG_PORT", 55432),
                port(env, "KADENCE_KAFKA_PORT", 59092),
                port(env, "KADENCE_KAFKA_CONTROLLER_PORT", 59093),
                port(env, "KADENCE_SINK_PORT", 59094),
                port(env, "KADENCE_PORT", 8080),
                port(env, "KADENCE_FUNCTION_PORT_BASE", 8081),
                port(env, "KADENCE_DAPR_PORT_BASE", 3501),
                repository,
                dapr.isBlank() ? ClusterServices.daprDirectory(repository) : workingDirectory.resolve(dapr).normalize(),
                ChildClasspath.ofThisLauncher());
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /**
     * The stand-in's URL of the KafkaSink that writes to {@code topic}: the chart names each of the functions' sinks
     * after its topic, and the stand-in serves each sink where Knative's ingress does, at {@code /<namespace>/<name>}.
     */
    String sinkUrl(String topic) {
        return "http://127.0.0.1:" + sinkPort + "/" + ClusterServices.NAMESPACE + "/" + topic;
    }

    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.getOrDefault(name, "").trim();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StartupFailure(name + " must be a port number between 1 and 65535, not '" + value + "'");
    }
}
