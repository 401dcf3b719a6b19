package dev.kadence.core.task;

import dev.kadence.core.db.Sql;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The task list: filters, keyword search, sort and keyset paging in one SQL query over the indexes of
 * V1__kadence.sql and V12 (a completed range: at most two, see {@link #selects}). Ties are broken by id in the sort
 * direction, and undated tasks sort last either way, so pages never skip or repeat a task.
 */
@Singleton
public class TaskListing {
    private final Sql sql;
    private final TaskViews views;
    private final Clock clock;
    private final CursorKey cursorKey;
    private final int completedWindow;

    TaskListing(Sql sql, TaskViews views, Clock clock, CursorKey cursorKey,
                @Value("${kadence.task-list.completed-window:1000}") int completedWindow) {
        this.sql = sql;
        this.views = views;
        this.clock = clock;
        this.cursorKey = cursorKey;
        this.completedWindow = completedWindow;
    }

    @Serdeable
    public record TaskPage(List<TaskView> items, String nextCursor) {
    }

    @Transactional
    public TaskPage list(UUID userId, TaskQuery q) {
        List<String> sortValues = new ArrayList<>();
        List<Task> rows = List.of();
        for (Select select : selects(userId, q)) {
            sortValues.clear();
            rows = sql.list(select.sql(), select.args(), rs -> {
                sortValues.add(rs.getString("sort_value"));
                return TaskStore.read(rs);
            });
            if (rows.size() > q.page().limit()) {
                break;
            }
        }
        String next = null;
        if (rows.size() > q.page().limit()) {
            rows = rows.subList(0, q.page().limit());
            Task last = rows.get(rows.size() - 1);
            next = cursorKey.encode(new Cursor(sortValues.get(rows.size() - 1), last.id()), q.fingerprint());
        }
        return new TaskPage(views.of(rows), next);
    }

    /** A list query and its arguments: one row more than the page, to know whether there is a next page. */
    record Select(String sql, List<Object> args) {
    }

    /** The queries to try in turn: the first that fills the page (or the last) answers. */
    List<Select> selects(UUID userId, TaskQuery q) {
        TaskQuery.SortKey key = q.sortBy();
        String column = key.column;
        String cast = switch (key) {
            case PRIORITY -> "smallint";
            case TITLE -> "text";
            default -> "timestamptz";
        };
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("t.user_id = ?");
        args.add(userId);
        if (!q.statuses().isEmpty()) {
            where.append(" and t.status in (").append(marks(q.statuses().size())).append(')');
            q.statuses().forEach(s -> args.add(s.wire()));
        }
        if (!q.priorities().isEmpty()) {
            where.append(" and t.priority in (").append(marks(q.priorities().size())).append(')');
            q.priorities().forEach(p -> args.add((short) p.rank()));
        }
        if (!q.tags().isEmpty()) {
            where.append(q.allTags() ? " and t.tags @> ?" : " and t.tags && ?");
            args.add(q.tags().toArray(String[]::new));
        }
        String terms = tsquery(q.search());
        if (terms != null) {
            where.append(" and t.search @@ to_tsquery('simple', ?)");
            args.add(terms);
        }
        range(where, args, "t.due_at", q.dueFrom(), q.dueTo());
        range(where, args, "t.completed_at", q.completedFrom(), q.completedTo());
        if (q.overdue() != null) {
            where.append(q.overdue()
                ? " and t.status <> 'done' and t.due_at < ?"
                : " and (t.status = 'done' or t.due_at is null or t.due_at >= ?)");
            args.add(clock.instant());
        }
        StringBuilder position = new StringBuilder();
        List<Object> positionArgs = new ArrayList<>();
        if (q.page().cursor() != null) {
            Cursor c = cursorKey.decode(q.page().cursor(), q.fingerprint());
            String op = q.ascending() ? ">" : "<";
            if (c.value() == null) {
                position.append(" and ").append(column).append(" is null and t.id ").append(op).append(" ?");
                positionArgs.add(c.id());
            } else {
                position.append(" and ((").append(column).append(", t.id) ").append(op).append(" (?::").append(cast).append(", ?)");
                position.append(key.nullable ? " or " + column + " is null)" : ")");
                positionArgs.add(c.value());
                positionArgs.add(c.id());
            }
        }
        where.append(position);
        args.addAll(positionArgs);
        String direction = q.ascending() ? "asc" : "desc";
        // "nulls last" only where a column has nulls: on a column without, "desc nulls last" is the same order, but
        // PostgreSQL cannot read it from an ascending index backwards and sorts all of the user's tasks instead.
        String nulls = key.nullable ? " nulls last" : "";
        String select = "select t.*, (" + column + ")::text as sort_value from tasks t where ";
        String order = " order by " + column + " " + direction + nulls + ", t.id " + direction;
        args.add(q.page().limit() + 1);
        if (q.completedFrom() == null && q.completedTo() == null) {
            return List.of(new Select(select + where + order + " limit ?", args));
        }
        // Completed tasks are not spread evenly along any sort key: walking a sort index to the first page of a range
        // that ended months ago passes tens of thousands of later tasks. So the walk is tried on the next
        // completedWindow tasks only (a range that reaches the present fills a page there at once), and if that does
        // not fill the page, the range is read first (from tasks_done_for_lists, which holds every sort key) and only
        // the page's rows are fetched: a cost that grows with the range, not with where it lies.
        List<Object> windowArgs = new ArrayList<>(List.of(userId));
        windowArgs.addAll(positionArgs);
        windowArgs.addAll(args);
        Select window = new Select("select t.*, (" + column + ")::text as sort_value from (select * from tasks t where "
            + "t.user_id = ?" + position + order + " limit " + completedWindow + ") t where " + where + order + " limit ?",
            windowArgs);
        String matching = "with matching as materialized (select t.id, " + column + " as sort_key from tasks t where "
            + where + ") ";
        Select rangeFirst = new Select(matching + select + "t.id in (select id from matching order by sort_key " + direction
            + nulls + ", id " + direction + " limit ?)" + order, args);
        return List.of(window, rangeFirst);
    }

    private static void range(StringBuilder where, List<Object> args, String column, java.time.Instant from, java.time.Instant to) {
        if (from != null) {
            where.append(" and ").append(column).append(" >= ?");
            args.add(from);
        }
        if (to != null) {
            where.append(" and ").append(column).append(" < ?");
            args.add(to);
        }
    }

    /** Words of the search box as prefix terms that must all match: "prep pres" finds "Prepare presentation". */
    static String tsquery(String search) {
        if (search == null) {
            return null;
        }
        List<String> words = Arrays.stream(search.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
            .filter(w -> !w.isEmpty()).limit(10).map(w -> w + ":*").toList();
        return words.isEmpty() ? null : String.join(" & ", words);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
