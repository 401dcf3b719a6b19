package dev.kadence.local;

import java.util.List;
import java.util.Map;

/** The functions the local platform runs, and the environment each gets. */
final class KadenceFunctions {

    private KadenceFunctions() {
    }

    static List<FunctionSpec> forLaptop(Settings settings, FunctionJars jars, String jwtSecret) {
        Map<String, String> shared = Map.of(
                "KADENCE_DB_URL", settings.jdbcUrl(),
                "KADENCE_DB_USER", Settings.DATABASE_USER,
                "KADENCE_DB_PASSWORD", Settings.DATABASE_PASSWORD,
                "KADENCE_KAFKA_BOOTSTRAP", settings.kafkaBootstrap(),
                "KADENCE_JWT_SECRET", jwtSecret);
        return List.of(new FunctionSpec("task-crud", jars.jar("task-crud"), settings.apiPort(), shared));
    }
}
