package dev.kadence.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a launcher killed hard (kill -9, a crash) left running — PostgreSQL, the broker, functions, the front door, all
 * in sessions of their own — found by the pid files of the data directory and stopped before the next start, so that
 * it succeeds the first time. Not while the launcher that wrote {@code pids/kadence.pid} still runs: those are its
 * parts, and the port check then says who holds what.
 */
final class Leftovers {

    static final String LAUNCHER = "kadence";
    private static final Duration GRACE = Duration.ofSeconds(10);

    private Leftovers() {
    }

    /** Stops the leftovers of an earlier run; what was stopped, as "kafka (pid 123)", for the start-up output. */
    static List<String> reclaim(DataDirectory data) {
        Path launcher = data.pidFile(LAUNCHER);
        Optional<ProcessHandle> running = ours(launcher).filter(p -> p.pid() != ProcessHandle.current().pid());
        if (running.isPresent()) {
            return List.of();
        }
        List<String> stopped = new ArrayList<>();
        for (Path pidFile : pidFiles(data)) {
            ours(pidFile).ifPresent(process -> {
                stop(process, "TERM");
                stopped.add(name(pidFile) + " (pid " + process.pid() + ")");
            });
            PidFile.delete(pidFile);
        }
        Path postmaster = data.postgres().resolve("postmaster.pid");
        ours(postmaster).ifPresent(process -> {
            stop(process, "INT");       // PostgreSQL's fast shutdown
            stopped.add("postgres (pid " + process.pid() + ")");
        });
        PidFile.write(launcher, ProcessHandle.current().pid());
        return stopped;
    }

    /** The process a pid file names, if it runs and started before the file was written (its pid was not reused since). */
    static Optional<ProcessHandle> ours(Path pidFile) {
        return PidFile.runningProcess(pidFile).filter(process -> {
            Optional<Instant> started = process.info().startInstant();
            try {
                Instant written = Files.getLastModifiedTime(pidFile).toInstant();
                return started.isEmpty() || !started.get().isAfter(written.plusSeconds(1));
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static List<Path> pidFiles(DataDirectory data) {
        try (Stream<Path> files = Files.list(data.pids())) {
            return files.filter(f -> f.toString().endsWith(".pid") && !name(f).equals(LAUNCHER)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String name(Path pidFile) {
        String file = pidFile.getFileName().toString();
        return file.substring(0, file.length() - ".pid".length());
    }

    /** Asks with a signal, then kills it and what it started if it is still there after the grace period. */
    private static void stop(ProcessHandle process, String signal) {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            process.onExit().get(GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (Exception e) {
            process.destroyForcibly();
            process.onExit().join();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** At a clean stop: the next start has nothing to reclaim. */
    static void released(DataDirectory data) {
        PidFile.delete(data.pidFile(LAUNCHER));
    }
}
