package dev.kadence.core.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import java.io.PrintStream;
import java.util.Map;

/**
 * Applies the schema migrations ({@code db/migration}, in every function's jar) to the database the functions use,
 * then exits: once per deploy, before the functions start (the chart's pre-install/pre-upgrade hook Job, the local
 * platform, the tests' database, an image's training run). No function runs them when it starts: a cold start is a
 * budget. Plain Flyway, no Micronaut context:
 *
 * <pre>java -cp task-crud.jar dev.kadence.core.db.Migrate</pre>
 *
 * <p>It reads the functions' variables (KADENCE_DB_URL, KADENCE_DB_USER, KADENCE_DB_PASSWORD, with their defaults).
 * Running it again applies nothing; two at once are safe (Flyway locks its history table, the second waits and then
 * finds nothing to do). Exit code 0 when the schema is current, 1 when it is not.
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
        System.exit(run(System.getenv(), System.out, System.err));
    }

    /** The command: migrates the database the environment names, says what it did; the exit code. */
    static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        String url = env.getOrDefault("KADENCE_DB_URL", "jdbc:postgresql://localhost:5432/kadence");
        String where = withoutParameters(url);
        try {
            Outcome outcome = apply(url, env.getOrDefault("KADENCE_DB_USER", "postgres"),
                    env.getOrDefault("KADENCE_DB_PASSWORD", ""));
            out.println("migrate: " + where + ": " + outcome);
            return 0;
        } catch (FlywayException e) {
            err.println("migrate: " + where + ": failed: " + e.getMessage());
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
