package dev.kadence.core.task;

import dev.kadence.core.error.Violations;

import java.util.Locale;

public enum Status {
    TODO, IN_PROGRESS, DONE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static Status parse(String field, String value, Violations violations) {
        for (Status s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        violations.add(field, "invalid_status", "must be one of todo, in_progress, done");
        return null;
    }
}
