package dev.kadence.local.knative;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Holds calls to an app that is being restarted until it is ready again, as Knative's activator holds requests to a
 * revision with no ready pod: a KafkaSource delivery, a cron tick or a job callback meant for a crashed function waits
 * for its new process instead of failing (and using up its retries) while nothing listens. Apps are known by their
 * address ({@code host:port}); one never marked down is ready.
 */
public final class Activator {

    /** How long a call waits for its app at most, as long as Knative's default request timeout. */
    public static final Duration HOLD = Duration.ofMinutes(5);

    private final Set<String> restarting = new HashSet<>();

    /** The app at this address has died and is being restarted. */
    public synchronized void down(URI app) {
        restarting.add(app.getAuthority());
    }

    /** The app at this address is ready again: the calls held for it go on. */
    public synchronized void up(URI app) {
        restarting.remove(app.getAuthority());
        notifyAll();
    }

    public synchronized boolean isReady(URI target) {
        return !restarting.contains(target.getAuthority());
    }

    /** Waits while the app {@code target} points at is restarting, at most {@code limit}; whether it is ready now. */
    public synchronized boolean awaitReady(URI target, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (restarting.contains(target.getAuthority())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
