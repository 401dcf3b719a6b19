package dev.kadence.core.recurrence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A recurring task's schedule. Its instances are tasks that point at it. */
public record Series(UUID id, UUID userId, String rule, String timezone, Mode mode, Instant startAt, String status,
                     Instant createdAt, Instant updatedAt) {
    public static final String ACTIVE = "active";
    public static final String STOPPED = "stopped";
    public static final String FINISHED = "finished";

    public static Series start(UUID userId, RecurrenceSpec spec, Instant start, Instant now) {
        return new Series(UUID.randomUUID(), userId, spec.rule(), spec.zone().getId(), spec.mode(), start, ACTIVE, now, now);
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public Series respecified(RecurrenceSpec spec, Instant start, Instant now) {
        return new Series(id, userId, spec.rule(), spec.zone().getId(), spec.mode(), start, ACTIVE, createdAt, now);
    }

    public Series stopped(Instant now) {
        return new Series(id, userId, rule, timezone, mode, startAt, STOPPED, createdAt, now);
    }

    /** Ended by its rule: COUNT or UNTIL leaves no further occurrence. */
    public Series finished(Instant now) {
        return new Series(id, userId, rule, timezone, mode, startAt, FINISHED, createdAt, now);
    }
}
