package dev.kadence.core.task;

import dev.kadence.core.paging.PageRequest;

import java.time.Instant;
import java.util.List;

/**
 * Which of a user's tasks to list, in which order, and which page: every filter is optional (empty lists and nulls
 * filter nothing), several values of one filter mean "any of" ({@code allTags}: every tag), time ranges are
 * {@code [from, to)}. {@code core.api.QueryParameters} reads {@code GET /tasks}'s query string into it.
 */
public record TaskQuery(String search, List<Status> statuses, List<Priority> priorities, List<String> tags,
                        boolean allTags, Instant dueFrom, Instant dueTo, Instant completedFrom, Instant completedTo,
                        Boolean overdue, SortKey sortBy, boolean ascending, PageRequest page) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int MAX_SEARCH = 200;

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

        public boolean ascendingByDefault() {
            return ascendingByDefault;
        }
    }

    public TaskQuery {
        statuses = List.copyOf(statuses);
        priorities = List.copyOf(priorities);
        tags = List.copyOf(tags);
    }

    /** Identifies the result set (filters and sort, not the page): a cursor is valid only for its own. */
    String fingerprint() {
        return List.of(String.valueOf(search), statuses, priorities, tags, allTags, String.valueOf(dueFrom),
            String.valueOf(dueTo), String.valueOf(completedFrom), String.valueOf(completedTo), String.valueOf(overdue),
            sortBy, ascending).toString();
    }
}
