package dev.kadence.core.recurrence;

import java.time.ZoneId;

/**
 * A recurrence as the API states it: an RRULE, optionally a zone (the user's when absent) and a mode.
 * The rule has been parsed; whether it ever occurs is checked against its start by {@link Rules}.
 */
public record RecurrenceSpec(String rule, ZoneId zone, Mode mode) {

    /** This recurrence in its own zone, or in {@code fallback} (the user's) when it names none. */
    public RecurrenceSpec inZone(ZoneId fallback) {
        ZoneId effective = zone != null ? zone : fallback;
        return new RecurrenceSpec(Rules.inZone(rule, effective), effective, mode);
    }
}
