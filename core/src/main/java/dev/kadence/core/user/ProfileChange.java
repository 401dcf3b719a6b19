package dev.kadence.core.user;

import java.time.ZoneId;
import java.util.Locale;

/** Changes to the user's own profile: a new zone and a new locale, each null to keep it. */
public record ProfileChange(ZoneId timezone, Locale locale) {
}
