package dev.kadence.core.language;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Periods said in words — "today", "this week", "last month" — as the assistant reads them in a search ("due this
 * week"): {@code [from, to)} in the user's zone, weeks from Monday. For callers outside the language (the MCP tools'
 * {@code due_within}).
 */
public final class Periods {
    /** Every period there is a word for. */
    public static final List<String> NAMES = List.of("today", "tomorrow", "yesterday", "this week", "next week", "last week",
        "this month", "next month", "last month");

    private Periods() {
    }

    /** {@code [from, to)} of {@code said} (one of {@link #NAMES}) in {@code zone}, around {@code now}. */
    public static Instant[] of(String said, ZoneId zone, Instant now) {
        if (!NAMES.contains(said)) {
            throw new IllegalArgumentException("not a period: " + said);
        }
        return Searches.range(said, zone, now);
    }
}
