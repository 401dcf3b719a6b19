package dev.kadence.local;

import java.util.List;
import java.util.Map;

/** The functions the local platform runs, and the environment each gets. */
final class KadenceFunctions {

    /** task-crud first: the API is what a person waits for (the migrations ran before any of them, see Migrations). */
    static final List<String> NAMES = List.of("task-crud", "recurrence-handler", "reminder-fire", "notify", "assistant");

    /** The token the KafkaSources send (ce-kadencetoken) and the functions require on POST /events. */
    static final String DELIVERY_TOKEN = "KADENCE_DELIVERY_TOKEN";
    /** The token the Dapr sidecar sends (dapr-api-token) and the functions require on /job/… and /reminder-sweep. */
    static final String APP_API_TOKEN = "APP_API_TOKEN";

    static final String CHANNELS_ALLOW_LOOPBACK = "KADENCE_CHANNELS_ALLOW_LOOPBACK";

    private KadenceFunctions() {
    }

    static List<FunctionSpec> forLaptop(Settings settings, FunctionJars jars, String jwtSecret) {
        Map<String, String> shared = Map.ofEntries(
                Map.entry("KADENCE_DB_URL", settings.jdbcUrl()),
                Map.entry("KADENCE_DB_USER", Settings.DATABASE_USER),
                Map.entry("KADENCE_DB_PASSWORD", Settings.DATABASE_PASSWORD),
                // the functions publish to the KafkaSinks, here the platform's stand-in (ClusterServices)
                Map.entry("KADENCE_SINKS_TASK_EVENTS", settings.sinkUrl("task-events")),
                Map.entry("KADENCE_SINKS_TASK_UPDATES", settings.sinkUrl("task-updates")),
                Map.entry("KADENCE_SINKS_REMINDERS", settings.sinkUrl("reminders")),
                Map.entry("KADENCE_JWT_SECRET", jwtSecret),
                // Only the platform may deliver: fresh tokens each run, known to the functions and to the stand-ins for
                // the KafkaSources and Dapr (which read them from here), and to nothing else; the functions listen on
                // 127.0.0.1 only.
                Map.entry(DELIVERY_TOKEN, token()),
                Map.entry(APP_API_TOKEN, token()),
                Map.entry("KADENCE_BIND_HOST", "127.0.0.1"),
                // notify's webhooks may call this laptop (a receiver you run next to it); SMTP settings and
                // KADENCE_CHANNELS_ALLOW_PRIVATE pass through from your environment (docs/channels.md)
                Map.entry(CHANNELS_ALLOW_LOOPBACK, System.getenv().getOrDefault(CHANNELS_ALLOW_LOOPBACK, "true")));
        List<FunctionSpec> functions = new java.util.ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            functions.add(new FunctionSpec(name, jars.jar(name), settings.functionPortBase() + i, settings.daprPortBase() + i, shared));
        }
        return functions;
    }

    private static String token() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
