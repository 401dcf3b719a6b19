package dev.kadence.local.knative;

import java.time.Duration;

/**
 * A KafkaSource's {@code delivery}: how many retries, how long between them, and which answers are worth
 * retrying — Knative retries 5xx, 404, 408, 409 and 429 (and unreachable sinks); any other 4xx goes straight
 * to the dead-letter sink.
 */
record DeliveryPolicy(int retry, String backoffPolicy, Duration backoffDelay) {

    static boolean retryable(int status) {
        return status >= 500 || status == 404 || status == 408 || status == 409 || status == 429;
    }

    /** The wait before retry number {@code n} (1-based), as Knative computes it: linear delay × n, exponential delay × 2^n. */
    Duration backoff(int n) {
        if ("linear".equalsIgnoreCase(backoffPolicy)) {
            return backoffDelay.multipliedBy(n);
        }
        return backoffDelay.multipliedBy(1L << Math.min(n, 20));
    }
}
