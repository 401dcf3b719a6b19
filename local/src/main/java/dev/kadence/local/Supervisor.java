package dev.kadence.local;

import dev.kadence.local.knative.Activator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Restarts a part of the running platform that dies, as a cluster starts a new pod: after a backoff (1 s, doubling to
 * at most 30 s while it keeps dying; 1 s again once it ran for a minute), for as long as the platform runs. Meanwhile the
 * {@link Activator} holds the deliveries, cron ticks and job callbacks meant for it (for PostgreSQL: for every function,
 * as Knative holds requests for a revision whose readiness probe, which checks the database, fails). Each restart is a
 * line of the start-up output and of the part's log.
 */
final class Supervisor {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);

    /** A running process of a part: a {@link ChildProcess}, or PostgreSQL's postmaster. */
    interface Running {
        /** Completes when the process has ended, for whatever reason. */
        CompletableFuture<?> onExit();

        /** How it ended, once it has: "was killed (signal 9)", "exited with code 1". */
        String exit();

        /** Its log, where the restarts are noted too. */
        Path log();

        /** Stops it if it still runs (it did not come back as it should). */
        void stop(Duration grace);
    }

    /**
     * A part that can be started again.
     *
     * @param holds the addresses whose calls the Activator holds while it restarts: its own (a function, the front
     *              door), none (the broker), or every function's (PostgreSQL, which they cannot serve without)
     * @param start launches it and makes it the platform's (stop() then stops it); throws StartupFailure if it cannot
     * @param awaitReady returns once it serves; throws StartupFailure if it never will
     */
    record Part<P extends Running>(String name, List<URI> holds, Supplier<P> start, Consumer<P> awaitReady) {
    }

    private final Progress progress;
    private final Activator activator;
    private final Map<String, Running> watched = new HashMap<>();
    private final Map<String, Long> startedAt = new HashMap<>();
    private final Map<String, Integer> crashes = new HashMap<>();
    private final Set<Thread> restarting = new HashSet<>();
    private boolean closed;

    Supervisor(Progress progress, Activator activator) {
        this.progress = progress;
        this.activator = activator;
    }

    /** From now on, when {@code process} exits without being asked to, {@code part} is started again. */
    synchronized <P extends Running> void watch(Part<P> part, P process) {
        watched.put(part.name(), process);
        startedAt.put(part.name(), System.nanoTime());
        process.onExit().thenRun(() -> exited(part, process));
    }

    /** The part is being stopped on purpose: not restarted. */
    synchronized void release(String name) {
        watched.remove(name);
    }

    /** Restarts nothing any more, and ends the restarts under way (their processes are the platform's to stop). */
    void close() {
        Set<Thread> threads;
        synchronized (this) {
            closed = true;
            watched.clear();
            threads = Set.copyOf(restarting);
        }
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized <P extends Running> void exited(Part<P> part, P process) {
        if (closed || watched.get(part.name()) != process) {
            return;
        }
        boolean stable = System.nanoTime() - startedAt.get(part.name()) >= STABLE.toNanos();
        int crash = stable ? 1 : crashes.merge(part.name(), 1, Integer::sum);
        crashes.put(part.name(), crash);
        part.holds().forEach(activator::down);
        restarting.add(Thread.ofVirtual().name("restart-" + part.name()).start(() -> restart(part, process, crash)));
    }

    private <P extends Running> void restart(Part<P> part, Running died, int crash) {
        try {
            String why = died.exit();
            for (int attempt = crash; ; attempt++) {
                Duration backoff = backoff(attempt);
                report(part, died, why + "; restarting in " + backoff.toSeconds() + " s (restart " + attempt + ")");
                Thread.sleep(backoff);
                long begun = System.nanoTime();
                P next;
                try {
                    next = part.start().get();
                } catch (StartupFailure e) {
                    if (isClosed()) {
                        return;
                    }
                    why = "did not start again: " + e.getMessage();
                    continue;
                }
                try {
                    part.awaitReady().accept(next);
                } catch (StartupFailure e) {
                    if (isClosed()) {
                        return;
                    }
                    next.stop(Duration.ofSeconds(5));
                    died = next;
                    why = "did not come back: " + e.getMessage();
                    continue;
                }
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    crashes.put(part.name(), attempt);
                    watch(part, next);
                }
                part.holds().forEach(activator::up);
                progress.done(part.name(), "restarted" + (part.holds().size() == 1 ? ", ready on " + part.holds().getFirst()
                    : ", ready"), begun);
                ProcessLog.note(next.log(), part.name() + " is ready again after restart " + attempt);
                return;
            }
        } catch (InterruptedException | StartupFailure e) {
            // the platform is stopping
        } finally {
            synchronized (this) {
                restarting.remove(Thread.currentThread());
            }
        }
    }

    private void report(Part<?> part, Running died, String message) {
        progress.line(part.name(), message);
        ProcessLog.note(died.log(), part.name() + " " + message);
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** 1 s for the first restart, doubling for each that follows without the part running for a minute, at most 30 s. */
    static Duration backoff(int restart) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(restart - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }
}
