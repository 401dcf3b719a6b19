package dev.kadence.core.task;

import dev.kadence.core.error.Violations;

import java.util.Locale;

/** Stored as its rank so that sorting by priority sorts by meaning: high > medium > low. */
public enum Priority {
    LOW(1), MEDIUM(2), HIGH(3);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority ofRank(int rank) {
        for (Priority p : values()) {
            if (p.rank == rank) {
                return p;
            }
        }
        throw new IllegalArgumentException("no priority of rank " + rank);
    }

    public static Priority parse(String field, String value, Violations violations) {
        for (Priority p : values()) {
            if (p.wire().equals(value)) {
                return p;
            }
        }
        violations.add(field, "invalid_priority", "must be one of low, medium, high");
        return null;
    }
}
