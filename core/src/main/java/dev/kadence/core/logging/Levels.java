package dev.kadence.core.logging;

import org.slf4j.Logger;
import org.slf4j.event.Level;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The level of each logger name: the level set for the longest name that is the logger's own or one of its
 * packages ({@code org.apache.kafka} covers {@code org.apache.kafka.clients.NetworkClient}), else the root's.
 * {@code null} as a level means OFF.
 */
final class Levels {
    static final String ROOT = Logger.ROOT_LOGGER_NAME;
    /** Stands for OFF: no event is at or above it. */
    static final int OFF = Integer.MAX_VALUE;

    private final Map<String, Integer> set = new ConcurrentHashMap<>();

    Levels() {
        set.put(ROOT, Level.INFO.toInt());
        set.put("org.apache.kafka", Level.WARN.toInt());   // the client logs its whole configuration at INFO
    }

    /**
     * Applies {@code name=LEVEL} pairs separated by commas, e.g. {@code dev.kadence=DEBUG,org.apache.kafka=INFO}
     * ({@code root=...} for the root); an entry that does not parse is reported and skipped.
     */
    void apply(String spec, Consumer<String> complaint) {
        if (spec == null || spec.isBlank()) {
            return;
        }
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            Integer threshold = eq > 0 ? threshold(entry.substring(eq + 1).trim()) : null;
            if (threshold == null) {
                complaint.accept("ignored log level '" + entry.trim() + "' (expected name=TRACE|DEBUG|INFO|WARN|ERROR|OFF)");
            } else {
                set(entry.substring(0, eq).trim(), threshold);
            }
        }
    }

    /** TRACE, DEBUG, INFO, WARN, ERROR or OFF (any case) as a threshold; null for anything else. */
    static Integer threshold(String level) {
        String upper = level.toUpperCase(Locale.ROOT);
        if (upper.equals("OFF")) {
            return OFF;
        }
        try {
            return Level.valueOf(upper).toInt();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void set(String name, int threshold) {
        set.put(name.equalsIgnoreCase(ROOT) ? ROOT : name, threshold);
    }

    void unset(String name) {
        if (!name.equalsIgnoreCase(ROOT)) {
            set.remove(name);
        }
    }

    /** The threshold in force for a logger of this name. */
    int thresholdOf(String name) {
        String candidate = name;
        while (true) {
            Integer threshold = set.get(candidate);
            if (threshold != null) {
                return threshold;
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return set.get(ROOT);
            }
            candidate = candidate.substring(0, dot);
        }
    }
}
