package dev.kadence.core.user;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Changes to the user's own profile: a new zone and a new locale, each null to keep it. {@code moveSeries}: the
 * repeating tasks in the old zone move to the new one with it.
 */
public record ProfileChange(ZoneId timezone, Locale locale, boolean moveSeries) {
}
