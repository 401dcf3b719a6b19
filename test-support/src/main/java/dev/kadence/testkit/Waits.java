package dev.kadence.testkit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting on a condition rather than for a fixed time (Awaitility underneath): a test goes on as soon as what it
 * waits for has happened, and fails with {@code what} when it does not happen in time. The condition is checked on the
 * waiting thread itself, so it sees that thread's context: a condition checked inside a transaction queries on the
 * transaction's connection instead of asking the pool for another (which other waiting threads may all hold).
 */
public final class Waits {
    private static final Duration POLL = Duration.ofMillis(20);

    private Waits() {
    }

    /** Polls until {@code condition} holds and returns how long that took; fails after {@code limit}. */
    public static Duration await(String what, Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        poll(what).atMost(limit).until(condition::getAsBoolean);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Checks that {@code condition} holds throughout {@code period} — that nothing more (a second callback, a late
     * duplicate) turns up — failing as soon as it does not.
     */
    public static void holds(String what, Duration period, BooleanSupplier condition) {
        poll(what).during(period).atMost(period.plus(Duration.ofSeconds(1))).until(condition::getAsBoolean);
    }

    private static ConditionFactory poll(String what) {
        return Awaitility.await(what).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL);
    }
}
