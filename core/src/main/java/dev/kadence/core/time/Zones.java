package dev.kadence.core.time;

import dev.kadence.core.error.Violations;

import java.time.ZoneId;
import java.util.Set;

/** IANA time zones, the only kind the API accepts ("Europe/Berlin", "UTC"; not "+02:00" or "CET"-style aliases). */
public final class Zones {
    private static final Set<String> IANA = ZoneId.getAvailableZoneIds();

    private Zones() {
    }

    public static ZoneId parse(String field, String value, Violations violations) {
        if (value == null) {
            return null;
        }
        if (!IANA.contains(value)) {
            violations.add(field, "invalid_timezone", "isn’t one Kadence knows: use a name such as America/New_York, Europe/Lisbon or UTC");
            return null;
        }
        return ZoneId.of(value);
    }
}
