package dev.kadence.core.paging;

/**
 * Which page of a list: at most {@code limit} items, after {@code cursor} (a previous page's {@code next_cursor}, opaque
 * to the caller; null for the first page). The list that issued a cursor is the one that reads it.
 */
public record PageRequest(int limit, String cursor) {
    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one item");
        }
        cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}
