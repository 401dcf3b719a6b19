package dev.kadence.core.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: 1 minute after the first failure, then 5 minutes, 30 minutes, 2 hours and
 * 6 hours; after that it has failed for good. A channel whose deliveries failed {@link #PAUSE_AFTER} times in a row
 * (whichever deliveries) is paused, so a dead endpoint stops being called until the user resumes it.
 */
public final class RetrySchedule {
    public static final int PAUSE_AFTER = 5;
    private static final List<Duration> DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));

    private RetrySchedule() {
    }

    /** When to try again after the {@code attempts}-th attempt failed at {@code now}; empty when it is given up. */
    public static Optional<Instant> next(int attempts, Instant now) {
        return attempts >= 1 && attempts <= DELAYS.size() ? Optional.of(now.plus(DELAYS.get(attempts - 1))) : Optional.empty();
    }

    /** Whether a channel that has now failed {@code consecutiveFailures} times in a row is paused. */
    public static boolean pauses(int consecutiveFailures) {
        return consecutiveFailures >= PAUSE_AFTER;
    }
}
