package dev.kadence.core.recurrence;

import dev.kadence.core.error.Violations;

import java.util.Locale;

/** schedule: next due follows the calendar; completion: next due counts from when the task was done. */
public enum Mode {
    SCHEDULE, COMPLETION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static Mode parse(String field, String value, Violations violations) {
        for (Mode m : values()) {
            if (m.wire().equals(value)) {
                return m;
            }
        }
        violations.add(field, "invalid_mode", "must be schedule or completion");
        return null;
    }
}
