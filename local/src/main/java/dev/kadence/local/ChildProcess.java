package dev.kadence.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A process this platform started, with its output in a log file and its id in a pid file while it runs. */
final class ChildProcess implements Supervisor.Running {

    /** setsid puts a child in its own session, so Ctrl-C reaches only the launcher, which stops children in order. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;
    private List<ProcessHandle> descendants = List.of();

    private ChildProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log, Path pidFile,
                              Path workingDirectory) {
        List<String> detached = new ArrayList<>(command);
        if (Files.isExecutable(SETSID)) {
            detached.addFirst(SETSID.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(detached)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            PidFile.write(pidFile, process.pid());
            return new ChildProcess(name, process, log, pidFile);
        } catch (IOException e) {
            throw new StartupFailure("cannot start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    @Override
    public Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** "exited with code 1", or "was killed (signal 9)" for the 128+n codes of a process ended by a signal. */
    @Override
    public String exit() {
        int code = process.exitValue();
        return code > 128 && code < 160 ? "was killed (signal " + (code - 128) + ")" : "exited with code " + code;
    }

    @Override
    public CompletableFuture<ChildProcess> onExit() {
        return process.onExit().thenApply(exited -> this);
    }

    /** Waits for a process that is expected to end by itself; false if it is still running after the timeout. */
    boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the process to stop (SIGTERM), remembering its descendants so none is left behind. */
    void requestStop() {
        descendants = process.descendants().toList();
        process.destroy();
    }

    /**
     * Waits until the process has stopped; kills it and its descendants (those it started meanwhile too) if it is still
     * running at the deadline. True if it stopped by itself, in time.
     */
    boolean awaitStop(long deadlineNanos) {
        boolean stopped = false;
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            stopped = process.waitFor(left, TimeUnit.NANOSECONDS);
            if (!stopped) {
                descendants = Stream.concat(descendants.stream(), process.descendants()).toList();
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        PidFile.delete(pidFile);
        return stopped;
    }

    @Override
    public void stop(Duration grace) {
        requestStop();
        awaitStop(System.nanoTime() + grace.toNanos());
    }

    /** The last lines of the log, for an error message. */
    String tail(int lines) {
        ArrayDeque<String> last = new ArrayDeque<>(lines);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), last);
    }
}
