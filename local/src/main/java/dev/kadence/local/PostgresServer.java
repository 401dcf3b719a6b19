package dev.kadence.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The embedded PostgreSQL, with its data in {@code <data>/postgres}, kept between runs. */
final class PostgresServer {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresServer start(DataDirectory data, int port) {
        Path log = data.log("postgres");
        // zonky's builder also creates a parent working directory, by default /tmp/embedded-pg: keep it in <data>.
        System.setProperty("ot.epg.working-dir", data.postgresBinaries().toString());
        try {
            return new PostgresServer(EmbeddedPostgres.builder()
                    .setDataDirectory(data.postgres())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(data.postgresBinaries().toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start());
        } catch (IOException | RuntimeException e) {
            stopLeftover(data.postgres(), port);
            throw new StartupFailure("PostgreSQL did not start: " + e.getMessage() + " (see " + log + ")", e);
        }
    }

    void createDatabaseIfMissing(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new StartupFailure("cannot create the database " + name + ": " + e.getMessage(), e);
        }
    }

    /** pg_ctl stop, fast mode: disconnects clients, writes a checkpoint and waits until the server has stopped. */
    void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /**
     * A failed start may leave a postmaster running; stop it (SIGINT is PostgreSQL's fast shutdown), but only if it
     * is on our port: line 4 of postmaster.pid is the port, and we checked ours was free before starting.
     */
    private static void stopLeftover(Path dataDirectory, int port) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!onPort(pidFile, port)) {
            return;
        }
        PidFile.runningProcess(pidFile).ifPresent(postmaster -> {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start().waitFor();
                postmaster.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                postmaster.destroyForcibly();
            }
        });
    }

    private static boolean onPort(Path postmasterPid, int port) {
        try {
            List<String> lines = Files.readAllLines(postmasterPid);
            return lines.size() > 3 && lines.get(3).trim().equals(Integer.toString(port));
        } catch (IOException e) {
            return false;
        }
    }
}
