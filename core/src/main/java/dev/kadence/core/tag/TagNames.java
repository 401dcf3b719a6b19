package dev.kadence.core.tag;

import dev.kadence.core.api.Body;
import dev.kadence.core.error.Violations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tag names are trimmed and lower-cased, so "Work", " work " and "WORK" are one tag; one that shows nothing (only
 * white space or zero-width characters, {@link Body#isBlank}) is empty.
 */
public final class TagNames {
    public static final int MAX_LENGTH = 50;
    public static final int MAX_PER_TASK = 20;

    private TagNames() {
    }

    public static String normalize(String field, String raw, Violations violations) {
        if (raw == null) {
            violations.add(field, "required", "is required");
            return null;
        }
        String name = raw.strip().toLowerCase(Locale.ROOT);
        if (Body.isBlank(name)) {
            violations.add(field, "empty", "must not be empty");
            return null;
        }
        if (name.length() > MAX_LENGTH) {
            violations.add(field, "too_long", "must be at most " + MAX_LENGTH + " characters");
            return null;
        }
        if (name.contains(",") || name.chars().anyMatch(Character::isISOControl)) {
            violations.add(field, "invalid_tag", "must not contain commas or control characters");
            return null;
        }
        return name;
    }

    /** Normalises a list of names, dropping duplicates ("Work" and "work" are one) and keeping order. */
    public static List<String> normalizeAll(String field, List<String> raw, Violations violations) {
        if (raw == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String each : raw) {
            String name = normalize(field, each, violations);
            if (name != null) {
                names.add(name);
            }
        }
        if (names.size() > MAX_PER_TASK) {
            violations.add(field, "too_many", "at most " + MAX_PER_TASK + " tags per task");
        }
        return new ArrayList<>(names);
    }
}
