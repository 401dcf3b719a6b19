package dev.kadence.core.language;

import dev.kadence.core.paging.PageRequest;
import dev.kadence.core.task.Status;
import dev.kadence.core.task.TaskQuery;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A search said in words ({@link Intent.Find}) as the task list's query, and in words again for the reply. */
final class Searches {
    static final int SHOWN = 50;

    private Searches() {
    }

    /** The query, and how to describe what it looks for ("high-priority open tasks tagged work due this week"). */
    record Search(TaskQuery query, String description) {
    }

    /** {@code userTags}: the user's tag names; a bare word of the sentence that names one is a tag filter, else searched. */
    static Search of(Intent.Find find, Set<String> userTags, ZoneId zone, Instant now) {
        List<String> tags = new ArrayList<>();
        List<String> searchWords = new ArrayList<>();
        for (String word : find.tagWords()) {
            String w = word.toLowerCase(Locale.ROOT);
            if (userTags.contains(w)) {
                tags.add(w);
            } else {
                searchWords.add(word);
            }
        }
        String search = find.search() != null ? find.search() : searchWords.isEmpty() ? null : String.join(" ", searchWords);
        Instant[] due = range(find.dueRange(), zone, now);
        Instant[] completed = range(find.completedRange(), zone, now);
        TaskQuery query = new TaskQuery(search, find.statuses(), find.priority() == null ? List.of() : List.of(find.priority()),
            tags, tags.size() > 1, due[0], due[1], completed[0], completed[1], find.overdue() ? Boolean.TRUE : null,
            TaskQuery.SortKey.DUE_AT, true, PageRequest.first(SHOWN));
        return new Search(query, describe(find, tags, search));
    }

    /** Everything still to do: what "show all" shows after an empty search. */
    static TaskQuery open() {
        return new TaskQuery(null, List.of(Status.TODO, Status.IN_PROGRESS), List.of(), List.of(), false, null, null, null, null,
            null, TaskQuery.SortKey.DUE_AT, true, PageRequest.first(SHOWN));
    }

    /** [from, to) of "today", "this week" (Monday to Monday), "last month"… in {@code zone}; nulls when not said. */
    static Instant[] range(String said, ZoneId zone, Instant now) {
        if (said == null) {
            return new Instant[2];
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = today.withDayOfMonth(1);
        LocalDate[] days = switch (said) {
            case "today" -> new LocalDate[] {today, today.plusDays(1)};
            case "tomorrow" -> new LocalDate[] {today.plusDays(1), today.plusDays(2)};
            case "yesterday" -> new LocalDate[] {today.minusDays(1), today};
            case "this week" -> new LocalDate[] {monday, monday.plusWeeks(1)};
            case "next week" -> new LocalDate[] {monday.plusWeeks(1), monday.plusWeeks(2)};
            case "last week" -> new LocalDate[] {monday.minusWeeks(1), monday};
            case "this month" -> new LocalDate[] {first, first.plusMonths(1)};
            case "next month" -> new LocalDate[] {first.plusMonths(1), first.plusMonths(2)};
            case "last month" -> new LocalDate[] {first.minusMonths(1), first};
            default -> throw new IllegalArgumentException("not a range: " + said);
        };
        return new Instant[] {days[0].atStartOfDay(zone).toInstant(), days[1].atStartOfDay(zone).toInstant()};
    }

    private static String describe(Intent.Find find, List<String> tags, String search) {
        StringBuilder d = new StringBuilder();
        if (find.priority() != null) {
            d.append(find.priority().wire()).append("-priority ");
        }
        if (find.statuses().equals(List.of(Status.DONE))) {
            d.append("completed ");
        } else if (find.statuses().contains(Status.TODO)) {
            d.append("open ");
        } else if (find.statuses().contains(Status.IN_PROGRESS)) {
            d.append("in-progress ");
        }
        if (find.overdue()) {
            d.append("overdue ");
        }
        d.append("tasks");
        if (!tags.isEmpty()) {
            d.append(" tagged ").append(String.join(" and ", tags));
        }
        if (search != null) {
            d.append(" about \"").append(search).append('"');
        }
        if (find.dueRange() != null) {
            d.append(" due ").append(find.dueRange());
        }
        if (find.completedRange() != null) {
            d.append(" completed ").append(find.completedRange());
        }
        return d.toString();
    }
}
