package dev.kadence.core.error;

import java.time.Duration;

/** 429: too many attempts; the answer says, in a {@code Retry-After} header, how long to wait. */
public class TooManyAttempts extends KadenceException {
    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super(ErrorCode.TOO_MANY_ATTEMPTS, "too many failed sign-ins; try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, rounded up. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
