package dev.kadence.core.recurrence;

import dev.kadence.core.error.Violations;
import dev.kadence.core.json.Body;
import dev.kadence.core.time.Zones;

import java.time.ZoneId;

/**
 * A recurrence as the API states it: an RRULE, optionally a zone (the user's when absent) and a mode.
 * The rule has been parsed; whether it ever occurs is checked against its start by {@link Rules}.
 */
public record RecurrenceSpec(String rule, ZoneId zone, Mode mode) {

    public static RecurrenceSpec parse(String field, Body body, Violations violations) {
        String rule = Rules.parse(field + ".rule", body.string("rule"), violations);
        ZoneId zone = Zones.parse(field + ".timezone", body.string("timezone"), violations);
        String modeText = body.string("mode");
        Mode mode = modeText == null ? Mode.SCHEDULE : Mode.parse(field + ".mode", modeText, violations);
        return rule == null ? null : new RecurrenceSpec(rule, zone, mode);
    }

    /** This recurrence in its own zone, or in {@code fallback} (the user's) when it names none. */
    public RecurrenceSpec inZone(ZoneId fallback) {
        ZoneId effective = zone != null ? zone : fallback;
        return new RecurrenceSpec(Rules.inZone(rule, effective), effective, mode);
    }
}
