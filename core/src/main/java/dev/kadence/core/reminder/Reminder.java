package dev.kadence.core.reminder;

import java.time.Instant;
import java.util.UUID;

/** A reminder of one task. Relative reminders ({@code beforeDue}) move when the task's due time moves. */
public record Reminder(UUID id, UUID taskId, UUID userId, Instant at, String beforeDue, Instant fireAt, String status,
                       Instant createdAt, Instant updatedAt) {
    public static final String PENDING = "pending";
    public static final String CANCELLED = "cancelled";
    public static final String FIRED = "fired";
    public static final String DELIVERED = "delivered";
    public static final String SUPPRESSED = "suppressed";
    public static final String MISSED = "missed";

    public static Reminder of(UUID taskId, UUID userId, ReminderSpec spec, Instant dueAt, Instant now) {
        return new Reminder(UUID.randomUUID(), taskId, userId, spec.at(), spec.beforeDue(), spec.fireAt(dueAt), PENDING, now, now);
    }

    public ReminderSpec spec() {
        return new ReminderSpec(at, beforeDue);
    }

    public boolean isPending() {
        return PENDING.equals(status);
    }
}
