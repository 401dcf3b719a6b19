package dev.kadence.local;

import java.util.List;
import java.util.Map;

/** The functions the local platform runs, and the environment each gets. */
final class KadenceFunctions {

    /** task-crud first: it owns the schema migrations, so the others find the tables in place. */
    static final List<String> NAMES = List.of("task-crud", "recurrence-handler", "reminder-fire", "notify", "assistant");

    private KadenceFunctions() {
    }

    static List<FunctionSpec> forLaptop(Settings settings, FunctionJars jars, String jwtSecret) {
        Map<String, String> shared = Map.of(
                "KADENCE_DB_URL", settings.jdbcUrl(),
                "KADENCE_DB_USER", Settings.DATABASE_USER,
                "KADENCE_DB_PASSWORD", Settings.DATABASE_PASSWORD,
                "KADENCE_KAFKA_BOOTSTRAP", settings.kafkaBootstrap(),
                "KADENCE_JWT_SECRET", jwtSecret);
        List<FunctionSpec> functions = new java.util.ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            functions.add(new FunctionSpec(name, jars.jar(name), settings.functionPortBase() + i, settings.daprPortBase() + i, shared));
        }
        return functions;
    }
}
