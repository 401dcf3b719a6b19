package dev.kadence.core.task;

import dev.kadence.core.recurrence.Mode;
import dev.kadence.core.recurrence.NextDue;
import dev.kadence.core.recurrence.RecurrenceSummary;
import dev.kadence.core.recurrence.Series;
import dev.kadence.core.recurrence.SeriesStore;
import dev.kadence.core.reminder.Reminder;
import dev.kadence.core.reminder.ReminderStore;
import dev.kadence.core.reminder.ReminderView;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds {@link TaskView}s for a batch of tasks with two queries (series, reminders), never one per task. */
@Singleton
public class TaskViews {
    /** How many upcoming due times a recurring task shows. */
    static final int UPCOMING = 5;

    private final SeriesStore series;
    private final ReminderStore reminders;
    private final Clock clock;

    TaskViews(SeriesStore series, ReminderStore reminders, Clock clock) {
        this.series = series;
        this.reminders = reminders;
        this.clock = clock;
    }

    public TaskView of(Task task) {
        return of(List.of(task)).get(0);
    }

    List<TaskView> of(List<Task> tasks) {
        Map<java.util.UUID, Series> seriesById = series.findAll(
                tasks.stream().map(Task::seriesId).filter(Objects::nonNull).distinct().toList())
            .stream().collect(Collectors.toMap(Series::id, Function.identity()));
        Map<java.util.UUID, List<Reminder>> remindersByTask = reminders.ofTasks(tasks.stream().map(Task::id).toList())
            .stream().collect(Collectors.groupingBy(Reminder::taskId));
        Instant now = clock.instant();
        return tasks.stream().map(t -> view(t, seriesById.get(t.seriesId()), remindersByTask.getOrDefault(t.id(), List.of()), now)).toList();
    }

    private static TaskView view(Task t, Series s, List<Reminder> rs, Instant now) {
        TaskView.RecurrenceView recurrence = s == null ? null : recurrence(t, s, now);
        return new TaskView(t.id(), t.userId(), t.title(), t.description(), t.priority().wire(), t.status().wire(),
            t.tags(), t.dueAt(), t.completedAt(), t.createdAt(), t.updatedAt(), recurrence,
            rs.stream().map(ReminderView::of).toList());
    }

    /** The series in words, e.g. "every Friday at 14:00, Europe/Berlin". */
    public static String summary(Series s) {
        return summary(s.rule(), s.zone(), s.startAt(), s.mode());
    }

    static String summary(String rule, java.time.ZoneId zone, Instant start, Mode mode) {
        return RecurrenceSummary.of(rule, zone, start) + (mode == Mode.COMPLETION ? ", counted from each completion" : "");
    }

    private static TaskView.RecurrenceView recurrence(Task t, Series s, Instant now) {
        String summary = summary(s);
        List<Instant> upcoming = s.isActive() && !t.isDone() && t.dueAt() != null
            ? NextDue.upcoming(s.mode(), s.rule(), s.zone(), s.startAt(), t.dueAt(), t.instanceNumber(), now, UPCOMING)
            : List.of();
        return new TaskView.RecurrenceView(s.id(), s.rule(), s.timezone(), s.mode().wire(), s.status().wire(), summary,
            t.seriesInstance(), t.missedCount(), upcoming);
    }
}
