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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded PostgreSQL, with its data in {@code <data>/postgres}, kept between runs. zonky starts it with
 * {@code pg_ctl}, so the postmaster is no child of the launcher: it is watched by the pid in {@code postmaster.pid},
 * and when it dies the {@link Supervisor} starts a new one on the same data and port ({@link #startAgain}).
 */
final class PostgresServer implements Supervisor.Running {

    static final String NAME = "postgres";
    /** How long the processes of a postmaster that died get to end by themselves (they notice at once) before kill -9. */
    private static final Duration STRAYS_END = Duration.ofSeconds(10);
    private static final Duration STOP = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;
    private final DataDirectory data;
    private final int port;
    private final ProcessHandle postmaster;
    private final Path log;

    private PostgresServer(EmbeddedPostgres postgres, DataDirectory data, int port, ProcessHandle postmaster, Path log) {
        this.postgres = postgres;
        this.data = data;
        this.port = port;
        this.postmaster = postmaster;
        this.log = log;
    }

    static PostgresServer start(DataDirectory data, int port) {
        Path log = data.log(NAME);
        // zonky's builder also creates a parent working directory, by default /tmp/embedded-pg: keep it in <data>.
        System.setProperty("ot.epg.working-dir", data.postgresBinaries().toString());
        clearAfterDeath(data, log);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data.postgres())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(data.postgresBinaries().toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            stopLeftover(data.postgres(), port);
            throw new StartupFailure("PostgreSQL did not start: " + e.getMessage() + " (see " + log + ")", e);
        }
        Optional<ProcessHandle> postmaster = PidFile.runningProcess(postmasterPid(data));
        if (postmaster.isEmpty()) {
            closeQuietly(postgres);
            throw new StartupFailure("PostgreSQL started, but " + postmasterPid(data) + " names no running postmaster (see " + log + ")");
        }
        return new PostgresServer(postgres, data, port, postmaster.get(), log);
    }

    /**
     * A new server on the data and port of this one, whose postmaster died: what is left of the old one is cleared
     * first ({@link #clearAfterDeath}), and the old zonky instance lets go of the data directory's lock.
     */
    PostgresServer startAgain() {
        clearAfterDeath(data, log);
        closeQuietly(postgres);     // its pg_ctl stop finds no server (zonky's complaint is not logged); the lock is released
        return start(data, port);
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
        try {
            postmaster.onExit().get(STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not stop: its postmaster (pid " + postmaster.pid() + ") still runs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<ProcessHandle> onExit() {
        return postmaster.onExit();
    }

    /** Its exit status is its parent's to know (pg_ctl left it to init): only that it is gone. */
    @Override
    public String exit() {
        return "ended (its postmaster, pid " + postmaster.pid() + ", is gone)";
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public void stop(Duration grace) {
        stop();
    }

    /**
     * Before a start: if the data directory's postmaster is not running (it was killed, or the machine went down),
     * waits for the server processes it left (its backends end as soon as they notice, kill -9 after
     * {@link #STRAYS_END}: PostgreSQL refuses to start while they hold the old shared memory) and deletes its
     * {@code postmaster.pid}. That file would stop the new server if its pid is taken by another process, or still by
     * the dead postmaster when nothing reaps it (a container whose init does not). A postmaster that runs is left alone.
     */
    private static void clearAfterDeath(DataDirectory data, Path log) {
        Path pidFile = postmasterPid(data);
        if (PidFile.runningProcess(pidFile).filter(process -> isOurs(process, data)).isPresent()) {
            return;
        }
        List<ProcessHandle> strays = ProcessHandle.allProcesses().filter(process -> isOurs(process, data)).toList();
        if (!strays.isEmpty()) {
            ProcessLog.note(log, "waiting for " + strays.size() + " processes of the postmaster that died to end");
            long deadline = System.nanoTime() + STRAYS_END.toNanos();
            for (ProcessHandle stray : strays) {
                try {
                    stray.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw StartupFailure.interrupted();
                } catch (Exception e) {
                    ProcessLog.note(log, "killing process " + stray.pid() + " of the postmaster that died");
                    stray.destroyForcibly();
                    stray.onExit().join();
                }
            }
        }
        if (Files.exists(pidFile)) {
            ProcessLog.note(log, "deleting " + pidFile + ": the postmaster it names is not running");
            PidFile.delete(pidFile);
        }
    }

    /** Whether the process runs the PostgreSQL binaries unpacked into this data directory (a postmaster or a backend). */
    private static boolean isOurs(ProcessHandle process, DataDirectory data) {
        Optional<String> command = process.info().command();
        if (command.isEmpty() || !process.isAlive()) {
            return false;
        }
        Path binaries = data.postgresBinaries().toAbsolutePath().normalize();
        try {
            binaries = binaries.toRealPath();
        } catch (IOException e) {
            // not unpacked yet: nothing can run from it
        }
        return Path.of(command.get()).startsWith(binaries);
    }

    private static Path postmasterPid(DataDirectory data) {
        return data.postgres().resolve("postmaster.pid");
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // a server that is not there cannot be stopped; the lock is released all the same
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
