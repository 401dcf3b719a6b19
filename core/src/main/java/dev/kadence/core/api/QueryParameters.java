package dev.kadence.core.api;

import dev.kadence.core.error.Violations;
import dev.kadence.core.paging.PageRequest;
import dev.kadence.core.reminder.ReminderStatus;
import dev.kadence.core.tag.TagNames;
import dev.kadence.core.task.Priority;
import dev.kadence.core.task.Status;
import dev.kadence.core.task.TaskQuery;
import dev.kadence.core.time.Times;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Query strings read into core's queries: the task list's filters ({@code GET /tasks}), pages ({@code limit} and
 * {@code cursor}), flags and reminder states. Comma-separated lists mean "any of"; ranges are {@code [from, to)}; a
 * plain date is read in the user's zone and a date as upper bound includes that day.
 */
public final class QueryParameters {
    private QueryParameters() {
    }

    /** {@code GET /tasks} parameters; {@code zone} (the user's) is asked for only when a plain date is given. */
    public static TaskQuery taskQuery(Map<String, String> params, Supplier<ZoneId> zone) {
        Violations v = new Violations();
        String search = blankToNull(params.get("search"));
        search = search == null ? null : Body.clean("search", search, v);
        if (search != null && search.length() > TaskQuery.MAX_SEARCH) {
            v.add("search", "too_long", "must be at most " + TaskQuery.MAX_SEARCH + " characters");
        }
        List<Status> statuses = list(params.get("status")).stream().map(s -> Status.parse("status", s, v)).toList();
        List<Priority> priorities = list(params.get("priority")).stream().map(p -> Priority.parse("priority", p, v)).toList();
        List<String> tags = list(params.get("tags")).stream().map(t -> Body.clean("tags", t, v))
            .map(t -> t == null ? null : TagNames.normalize("tags", t, v)).toList();
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
        Boolean overdue = flag("overdue", params.get("overdue"), v);
        TaskQuery.SortKey sortBy = sortKey(params.getOrDefault("sort_by", "due_at"), v);
        boolean ascending = order(params.get("order"), sortBy, v);
        int limit = limit(params.get("limit"), TaskQuery.DEFAULT_LIMIT, TaskQuery.MAX_LIMIT, v);
        v.throwIfAny();
        return new TaskQuery(search, statuses, priorities, tags, tagMode.equals("all"), dueFrom, dueTo, completedFrom,
            completedTo, overdue, sortBy, ascending, new PageRequest(limit, params.get("cursor")));
    }

    /**
     * {@code limit} and {@code cursor}: a page of {@code defaultLimit} items when no limit is given, at most {@code max},
     * after a cursor that {@code isCursor} recognises as one of the list's own.
     */
    public static PageRequest page(String limit, String cursor, int defaultLimit, int max, Predicate<String> isCursor) {
        Violations v = new Violations();
        int size = limit(limit, defaultLimit, max, v);
        PageRequest page = new PageRequest(size, cursor);
        if (page.cursor() != null && !isCursor.test(page.cursor())) {
            v.add("cursor", "invalid_cursor", "not a cursor this endpoint returned");
        }
        v.throwIfAny();
        return page;
    }

    /** {@code true} or {@code false}; null when absent or blank. */
    public static Boolean flag(String field, String raw) {
        Violations v = new Violations();
        Boolean value = flag(field, raw, v);
        v.throwIfAny();
        return value;
    }

    /** A reminder state ({@code pending}, {@code fired}…); null when absent. */
    public static ReminderStatus reminderStatus(String field, String raw) {
        if (raw == null) {
            return null;
        }
        Violations v = new Violations();
        ReminderStatus status = ReminderStatus.parse(field, raw, v);
        v.throwIfAny();
        return status;
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

    private static Boolean flag(String field, String raw, Violations v) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                v.add(field, "invalid_boolean", "must be true or false");
                yield null;
            }
        };
    }

    private static TaskQuery.SortKey sortKey(String raw, Violations v) {
        for (TaskQuery.SortKey k : TaskQuery.SortKey.values()) {
            if (k.name().equalsIgnoreCase(raw)) {
                return k;
            }
        }
        v.add("sort_by", "invalid_sort", "must be one of due_at, priority, created_at, updated_at, title");
        return TaskQuery.SortKey.DUE_AT;
    }

    private static boolean order(String raw, TaskQuery.SortKey key, Violations v) {
        if (raw == null || raw.isBlank()) {
            return key.ascendingByDefault();
        }
        if (raw.equals("asc") || raw.equals("desc")) {
            return raw.equals("asc");
        }
        v.add("order", "invalid_order", "must be asc or desc");
        return true;
    }

    /** A page size: {@code defaultLimit} when absent, else a whole number from 1 to {@code max}. */
    private static int limit(String raw, int defaultLimit, int max, Violations v) {
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
