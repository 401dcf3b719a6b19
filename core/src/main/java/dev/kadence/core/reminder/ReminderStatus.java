package dev.kadence.core.reminder;

import dev.kadence.core.error.Violations;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a reminder is in its life: pending until it fires; then fired, and delivered once notify has stored its
 * notification; or cancelled (by the user), suppressed (its task was done or gone when it fell due) or missed (it fell
 * due longer than the grace period before the system came back). The database keeps the lower-case names.
 */
public enum ReminderStatus {
    PENDING, FIRED, DELIVERED, CANCELLED, SUPPRESSED, MISSED;

    private static final String ALL = Arrays.stream(values()).map(ReminderStatus::wire).sorted()
        .collect(Collectors.joining(", "));

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReminderStatus ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** {@code value} as a status, or null with a violation of {@code field}. */
    public static ReminderStatus parse(String field, String value, Violations violations) {
        for (ReminderStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        violations.add(field, "invalid_status", "must be one of " + ALL);
        return null;
    }
}
