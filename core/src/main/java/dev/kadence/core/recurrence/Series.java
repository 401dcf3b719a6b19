package dev.kadence.core.recurrence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/** A recurring task's schedule. Its instances are tasks that point at it. */
public record Series(UUID id, UUID userId, String rule, String timezone, Mode mode, Instant startAt, Status status,
                     Instant createdAt, Instant updatedAt) {
    /** Active while it makes instances; stopped by the user; finished by its rule (COUNT or UNTIL). */
    public enum Status {
        ACTIVE, STOPPED, FINISHED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status ofWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public static Series start(UUID userId, RecurrenceSpec spec, Instant start, Instant now) {
        return new Series(UUID.randomUUID(), userId, spec.rule(), spec.zone().getId(), spec.mode(), start, Status.ACTIVE, now, now);
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public Series respecified(RecurrenceSpec spec, Instant start, Instant now) {
        return new Series(id, userId, spec.rule(), spec.zone().getId(), spec.mode(), start, Status.ACTIVE, createdAt, now);
    }

    public Series stopped(Instant now) {
        return new Series(id, userId, rule, timezone, mode, startAt, Status.STOPPED, createdAt, now);
    }

    /** Active again: its instance, whose delete stopped it, is restored. */
    public Series resumed(Instant now) {
        return new Series(id, userId, rule, timezone, mode, startAt, Status.ACTIVE, createdAt, now);
    }

    /** Ended by its rule: COUNT or UNTIL leaves no further occurrence. */
    public Series finished(Instant now) {
        return new Series(id, userId, rule, timezone, mode, startAt, Status.FINISHED, createdAt, now);
    }
}
