package dev.kadence.local.dapr;

import java.time.Instant;

/**
 * A scheduled job as the Jobs API stores it, with its firing state. {@code data} and {@code failurePolicy}
 * are kept as the JSON the app sent.
 */
record Job(String appId, String name, String schedule, String dueTime, Integer repeats, String ttl, String data,
           String failurePolicy, Instant nextFireAt, Instant expiresAt, int fired, int attempt) {

    Job firedOnce(Instant next) {
        return new Job(appId, name, schedule, dueTime, repeats, ttl, data, failurePolicy, next, expiresAt, fired + 1, 0);
    }

    Job retryAt(Instant next) {
        return new Job(appId, name, schedule, dueTime, repeats, ttl, data, failurePolicy, next, expiresAt, fired, attempt + 1);
    }

    /** The same trigger, held until {@code next} because its app is being restarted: no attempt is used up. */
    Job heldUntil(Instant next) {
        return new Job(appId, name, schedule, dueTime, repeats, ttl, data, failurePolicy, next, expiresAt, fired, attempt);
    }

    /** Whether the job is finished after this trigger: a one-shot, its repeats used up, or past its ttl. */
    boolean doneAfter(int triggers, Instant next) {
        return schedule == null || (repeats != null && triggers >= repeats) || next == null
            || (expiresAt != null && next.isAfter(expiresAt));
    }
}
