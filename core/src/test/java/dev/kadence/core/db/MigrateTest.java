package dev.kadence.core.db;

import dev.kadence.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations' one entry point, as the hook Job and the local platform run it, against a real PostgreSQL. */
class MigrateTest {

    @Test
    void aFreshDatabaseGetsEveryMigrationAndASecondRunAppliesNothing() throws Exception {
        Map<String, String> env = env(freshDatabase());

        Command first = Command.run(env);
        Command second = Command.run(env);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("applied " + migrations().size() + " migrations (from an empty schema to version "
                + latest() + ")");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("schema up to date at version " + latest());
        assertThat(tables(env)).contains("users", "tasks", "reminders", "outbox", "processed_events");
    }

    @Test
    void twoRunsAtOnceApplyEachMigrationOnce() throws Exception {
        Map<String, String> env = env(freshDatabase());
        CountDownLatch ready = new CountDownLatch(2);
        List<Migrate.Outcome> outcomes;
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            List<Future<Migrate.Outcome>> runs = Stream.<Future<Migrate.Outcome>>generate(() -> two.submit(() -> {
                ready.countDown();
                ready.await();
                return Migrate.apply(env.get("KADENCE_DB_URL"), "postgres", "");
            })).limit(2).toList();
            outcomes = new ArrayList<>();
            for (Future<Migrate.Outcome> run : runs) {
                outcomes.add(run.get());
            }
        }

        assertThat(outcomes).extracting(Migrate.Outcome::applied).containsExactlyInAnyOrder(migrations().size(), 0);
        assertThat(outcomes).extracting(Migrate.Outcome::to).containsOnly(latest());
        assertThat(appliedVersions(env)).hasSize(migrations().size());
    }

    @Test
    void aDatabaseItCannotReachIsExitCodeOneAndSaysWhich() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/kadence?connectTimeout=1";

        Command command = Command.run(Map.of("KADENCE_DB_URL", url + "&password=not-to-be-printed",
                "KADENCE_DB_PASSWORD", "not-to-be-printed-either"));

        assertThat(command.exit()).isEqualTo(1);
        assertThat(command.err()).contains("migrate: jdbc:postgresql://127.0.0.1:" + closed + "/kadence: failed: ");
        assertThat(command.out() + command.err()).doesNotContain("not-to-be-printed");
    }

    /** One run as main runs it, with what it logged at info (out) and at error (err). */
    private record Command(int exit, String out, String err) {
        static Command run(Map<String, String> env) {
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            int exit = Migrate.run(env, out::append, err::append);
            return new Command(exit, out.toString(), err.toString());
        }
    }

    /** The migration files in the source tree, so that a new one does not need this test changed. */
    private static List<String> migrations() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql")).sorted().toList();
        }
    }

    private static String latest() throws IOException {
        return migrations().stream().map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                .max(Integer::compare).orElseThrow().toString();
    }

    /** A new, empty database beside the tests' migrated one. */
    private static String freshDatabase() throws SQLException {
        String name = "migrate_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(TestInfra.jdbcUrl())) {
            c.createStatement().execute("create database " + name);
        }
        return TestInfra.jdbcUrl().replaceFirst("/postgres\\?", "/" + name + "?");
    }

    private static Map<String, String> env(String url) {
        return Map.of("KADENCE_DB_URL", url, "KADENCE_DB_USER", "postgres", "KADENCE_DB_PASSWORD", "");
    }

    private static List<String> tables(Map<String, String> env) throws SQLException {
        return strings(env, "select table_name from information_schema.tables where table_schema = 'public'");
    }

    private static List<String> appliedVersions(Map<String, String> env) throws SQLException {
        return strings(env, "select version from flyway_schema_history where success");
    }

    private static List<String> strings(Map<String, String> env, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(env.get("KADENCE_DB_URL"), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
