package dev.kadence.local.knative;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds calls to an app that is being restarted until it is ready again, as Knative's activator holds requests to a
 * revision with no ready pod: a KafkaSource delivery, a cron tick or a job callback meant for a crashed function waits
 * for its new process instead of failing (and using up its retries) while nothing listens. Apps are known by their
 * address ({@code host:port}); one never marked down is ready. An app can be down for more than one reason at once (its
 * own process restarting, and the database it needs): it is ready again once each {@link #down} has had its {@link #up}.
 */
public final class Activator {

    /** How long a call waits for its app at most, as long as Knative's default request timeout. */
    public static final Duration HOLD = Duration.ofMinutes(5);

    private final Map<String, Integer> restarting = new HashMap<>();

    /** The app at this address cannot serve until a matching {@link #up}: it died, or what it needs did. */
    public synchronized void down(URI app) {
        restarting.merge(app.getAuthority(), 1, Integer::sum);
    }

    /** What made the app at this address unable to serve is back: once nothing else holds it, its calls go on. */
    public synchronized void up(URI app) {
        restarting.computeIfPresent(app.getAuthority(), (authority, holds) -> holds > 1 ? holds - 1 : null);
        notifyAll();
    }

    public synchronized boolean isReady(URI target) {
        return !restarting.containsKey(target.getAuthority());
    }

    /** Waits while the app {@code target} points at is restarting, at most {@code limit}; whether it is ready now. */
    public synchronized boolean awaitReady(URI target, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (restarting.containsKey(target.getAuthority())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
