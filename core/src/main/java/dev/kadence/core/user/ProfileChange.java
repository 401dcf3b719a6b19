package dev.kadence.core.user;

import java.time.ZoneId;

/** Changes to the user's own profile: a new zone, or null to keep it. */
public record ProfileChange(ZoneId timezone) {
}
