package dev.kadence.core.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A reminder of one task. Relative reminders ({@code beforeDue}) move when the task's due time moves. */
public record Reminder(UUID id, UUID taskId, UUID userId, Instant at, String beforeDue, Instant fireAt,
                       ReminderStatus status, Instant createdAt, Instant updatedAt) {
    /**
     * A job may call back a little before its time by this process's clock (the scheduler's clock is another's): a
     * callback this early waits for the time and then fires, so nothing reaches the user before it is due.
     */
    public static final Duration EARLY = Duration.ofSeconds(1);

    /** What the system's clock should do with a reminder, given the time, the grace period and its task. */
    public enum Firing {
        /** Not pending any more (or gone): nothing to do. */
        GONE,
        /** Its time is more than {@link #EARLY} ahead: the job for its time will come. */
        NOT_DUE,
        /** Its time is at most {@link #EARLY} ahead: wait for it, then decide again. */
        EARLY,
        /** Fell due longer than the grace period ago: missed. */
        MISS,
        /** Due, but its task is done or deleted: suppressed. */
        SUPPRESS,
        /** Due: fire it. */
        FIRE
    }

    public static Reminder of(UUID taskId, UUID userId, ReminderSpec spec, Instant dueAt, Instant now) {
        return new Reminder(UUID.randomUUID(), taskId, userId, spec.at(), spec.beforeDue(), spec.fireAt(dueAt),
            ReminderStatus.PENDING, now, now);
    }

    public ReminderSpec spec() {
        return new ReminderSpec(at, beforeDue);
    }

    public boolean isPending() {
        return status == ReminderStatus.PENDING;
    }

    /**
     * The firing decision at {@code now}: a pending reminder whose time has come fires unless it fell due longer than
     * {@code grace} ago (missed) or its task is done or gone ({@code taskOpen} false: suppressed). Pure: the caller
     * reads the clock and the task, and carries the decision out.
     */
    public Firing firing(Instant now, Duration grace, boolean taskOpen) {
        if (!isPending()) {
            return Firing.GONE;
        }
        if (fireAt.isAfter(now.plus(EARLY))) {
            return Firing.NOT_DUE;
        }
        if (fireAt.isAfter(now)) {
            return Firing.EARLY;
        }
        if (fireAt.isBefore(now.minus(grace))) {
            return Firing.MISS;
        }
        return taskOpen ? Firing.FIRE : Firing.SUPPRESS;
    }
}
