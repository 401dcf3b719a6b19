package dev.kadence.core.task;

import dev.kadence.core.recurrence.Series;
import dev.kadence.core.recurrence.SeriesStore;
import dev.kadence.core.reminder.Reminder;
import dev.kadence.core.reminder.ReminderStore;
import dev.kadence.core.reminder.ReminderView;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds {@link TaskView}s for a batch of tasks with two queries (series, reminders), never one per task. */
@Singleton
class TaskViews {
    private final SeriesStore series;
    private final ReminderStore reminders;

    TaskViews(SeriesStore series, ReminderStore reminders) {
        this.series = series;
        this.reminders = reminders;
    }

    TaskView of(Task task) {
        return of(List.of(task)).get(0);
    }

    List<TaskView> of(List<Task> tasks) {
        Map<java.util.UUID, Series> seriesById = series.findAll(
                tasks.stream().map(Task::seriesId).filter(Objects::nonNull).distinct().toList())
            .stream().collect(Collectors.toMap(Series::id, Function.identity()));
        Map<java.util.UUID, List<Reminder>> remindersByTask = reminders.ofTasks(tasks.stream().map(Task::id).toList())
            .stream().collect(Collectors.groupingBy(Reminder::taskId));
        return tasks.stream().map(t -> view(t, seriesById.get(t.seriesId()), remindersByTask.getOrDefault(t.id(), List.of()))).toList();
    }

    private static TaskView view(Task t, Series s, List<Reminder> rs) {
        TaskView.RecurrenceView recurrence = s == null ? null
            : new TaskView.RecurrenceView(s.id(), s.rule(), s.timezone(), s.mode().wire(), s.status(), t.missedCount());
        return new TaskView(t.id(), t.userId(), t.title(), t.description(), t.priority().wire(), t.status().wire(),
            t.tags(), t.dueAt(), t.completedAt(), t.createdAt(), t.updatedAt(), recurrence,
            rs.stream().map(ReminderView::of).toList());
    }
}
