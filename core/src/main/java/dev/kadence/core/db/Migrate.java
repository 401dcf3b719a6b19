package dev.kadence.core.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies the schema migrations ({@code db/migration}, in every function's jar) to the database the functions use,
 * then exits: once per deploy, before the functions start (the chart's pre-install/pre-upgrade hook Job, the local
 * platform, the tests' database, functions/aot-cache.sh and startup-benchmark.sh with KADENCE_MIGRATE=true). No
 * function runs them when it starts: a cold start is a budget. Plain Flyway, no Micronaut context:
 *
 * <pre>java -cp task-crud.jar dev.kadence.core.db.Migrate</pre>
 *
 * <p>It reads the functions' variables (KADENCE_DB_URL, KADENCE_DB_USER, KADENCE_DB_PASSWORD, with their defaults).
 * Running it again applies nothing; two at once are safe (Flyway locks its history table, the second waits and then
 * finds nothing to do). Exit code 0 when the schema is current, 1 when it is not. It says so in one line,
 * {@code migrate: <database URL>: <what it did>}, logged as the functions log (KADENCE_LOG_FORMAT: text, or one JSON
 * object per line for the cluster's log pipeline), after Flyway's own lines.
 */
public final class Migrate {

    /** What one run did: the schema version before and after (empty for none), and how many migrations it applied. */
    public record Outcome(String from, String to, int applied) {
        @Override
        public String toString() {
            String at = to.isEmpty() ? "no version" : "version " + to;
            return applied == 0 ? "schema up to date at " + at
                    : "applied " + applied + " migration" + (applied == 1 ? "" : "s")
                      + " (from " + (from.isEmpty() ? "an empty schema" : "version " + from) + " to " + at + ")";
        }
    }

    private Migrate() {
    }

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger(Migrate.class);
        System.exit(run(System.getenv(), log::info, log::error));
    }

    /** The command: migrates the database the environment names, says what it did or why it failed; the exit code. */
    static int run(Map<String, String> env, Consumer<String> said, Consumer<String> failed) {
        String url = env.getOrDefault("KADENCE_DB_URL", "jdbc:postgresql://localhost:5432/kadence");
        String where = withoutParameters(url);
        try {
            Outcome outcome = apply(url, env.getOrDefault("KADENCE_DB_USER", "postgres"),
                    env.getOrDefault("KADENCE_DB_PASSWORD", ""));
            said.accept("migrate: " + where + ": " + outcome);
            return 0;
        } catch (FlywayException e) {
            failed.accept("migrate: " + where + ": failed: " + e.getMessage());
            return 1;
        }
    }

    /** Applies what is pending of {@code db/migration} to that database. */
    public static Outcome apply(String url, String user, String password) {
        Flyway flyway = Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        String before = orEmpty(result.initialSchemaVersion);
        // Flyway names no target version when nothing was pending: the schema stayed where it was.
        return new Outcome(before, result.targetSchemaVersion == null ? before : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    private static String orEmpty(String version) {
        return version == null ? "" : version;
    }

    /** The URL as it may be printed: its parameters (where a password may be) left out. */
    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
