package dev.kadence.core.task;

import dev.kadence.core.error.Violations;
import dev.kadence.core.tag.TagNames;
import dev.kadence.core.time.Times;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /tasks} parameters, validated. Comma-separated lists mean "any of"; ranges are
 * {@code [from, to)}; a plain date is read in the user's zone and a date as upper bound includes that day.
 */
public record TaskQuery(String search, List<Status> statuses, List<Priority> priorities, List<String> tags,
                        boolean allTags, Instant dueFrom, Instant dueTo, Instant completedFrom, Instant completedTo,
                        Boolean overdue, SortKey sortBy, boolean ascending, int limit, String cursor,
                        String fingerprint) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final List<String> PARAMETERS = List.of("search", "status", "priority", "tags", "tag_mode", "due_from",
        "due_to", "completed_from", "completed_to", "overdue", "sort_by", "order", "limit", "cursor");

    public enum SortKey {
        DUE_AT("t.due_at", true, true), PRIORITY("t.priority", false, false), CREATED_AT("t.created_at", false, false),
        UPDATED_AT("t.updated_at", false, false), TITLE("lower(t.title)", true, false);

        final String column;
        final boolean ascendingByDefault;
        final boolean nullable;

        SortKey(String column, boolean ascendingByDefault, boolean nullable) {
            this.column = column;
            this.ascendingByDefault = ascendingByDefault;
            this.nullable = nullable;
        }
    }

    public static TaskQuery parse(Map<String, String> params, Supplier<ZoneId> zone) {
        Violations v = new Violations();
        String search = blankToNull(params.get("search"));
        if (search != null && search.length() > 200) {
            v.add("search", "too_long", "must be at most 200 characters");
        }
        List<Status> statuses = list(params.get("status")).stream().map(s -> Status.parse("status", s, v)).toList();
        List<Priority> priorities = list(params.get("priority")).stream().map(p -> Priority.parse("priority", p, v)).toList();
        List<String> tags = list(params.get("tags")).stream().map(t -> TagNames.normalize("tags", t, v)).toList();
        String tagMode = params.getOrDefault("tag_mode", "any");
        if (!tagMode.equals("any") && !tagMode.equals("all")) {
            v.add("tag_mode", "invalid_tag_mode", "must be any or all");
        }
        Instant dueFrom = Times.rangeBound("due_from", params.get("due_from"), zone, false, v);
        Instant dueTo = Times.rangeBound("due_to", params.get("due_to"), zone, true, v);
        Instant completedFrom = Times.rangeBound("completed_from", params.get("completed_from"), zone, false, v);
        Instant completedTo = Times.rangeBound("completed_to", params.get("completed_to"), zone, true, v);
        checkRange("due_to", dueFrom, dueTo, v);
        checkRange("completed_to", completedFrom, completedTo, v);
        Boolean overdue = bool("overdue", params.get("overdue"), v);
        SortKey sortBy = sortKey(params.getOrDefault("sort_by", "due_at"), v);
        boolean ascending = order(params.get("order"), sortBy, v);
        int limit = limit(params.get("limit"), DEFAULT_LIMIT, MAX_LIMIT, v);
        v.throwIfAny();
        return new TaskQuery(search, statuses, priorities, tags, tagMode.equals("all"), dueFrom, dueTo, completedFrom,
            completedTo, overdue, sortBy, ascending, limit, blankToNull(params.get("cursor")), fingerprint(params));
    }

    /** Identifies the result set (filters and sort, not limit or cursor): a cursor is valid only for its own. */
    private static String fingerprint(Map<String, String> params) {
        Map<String, String> sorted = new TreeMap<>();
        params.forEach((k, val) -> {
            if (PARAMETERS.contains(k) && !k.equals("limit") && !k.equals("cursor")) {
                sorted.put(k, val);
            }
        });
        return sorted.toString();
    }

    private static void checkRange(String field, Instant from, Instant to, Violations v) {
        if (from != null && to != null && !from.isBefore(to)) {
            v.add(field, "empty_range", "must be after the start of the range");
        }
    }

    private static List<String> list(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Boolean bool(String field, String raw, Violations v) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                v.add(field, "invalid_boolean", "must be true or false");
                yield null;
            }
        };
    }

    private static SortKey sortKey(String raw, Violations v) {
        for (SortKey k : SortKey.values()) {
            if (k.name().equalsIgnoreCase(raw)) {
                return k;
            }
        }
        v.add("sort_by", "invalid_sort", "must be one of due_at, priority, created_at, updated_at, title");
        return SortKey.DUE_AT;
    }

    private static boolean order(String raw, SortKey key, Violations v) {
        if (raw == null || raw.isBlank()) {
            return key.ascendingByDefault;
        }
        if (raw.equals("asc") || raw.equals("desc")) {
            return raw.equals("asc");
        }
        v.add("order", "invalid_order", "must be asc or desc");
        return true;
    }

    /** A page size parameter: {@code defaultLimit} when absent, else a whole number from 1 to {@code max}. */
    public static int limit(String raw, int defaultLimit, int max, Violations v) {
        if (raw == null || raw.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add("limit", "invalid_limit", "must be a whole number from 1 to " + max);
        return defaultLimit;
    }
}
