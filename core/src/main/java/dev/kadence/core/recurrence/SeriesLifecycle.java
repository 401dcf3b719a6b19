package dev.kadence.core.recurrence;

import dev.kadence.core.error.KadenceException;
import dev.kadence.core.event.EventTypes;
import dev.kadence.core.paging.PageRequest;
import dev.kadence.core.reminder.Reminder;
import dev.kadence.core.reminder.ReminderStore;
import dev.kadence.core.tag.Tags;
import dev.kadence.core.task.Task;
import dev.kadence.core.task.TaskEvents;
import dev.kadence.core.task.TaskStore;
import dev.kadence.core.task.TaskViews;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Recurring series over time: the next instance when one is completed, the open instance moving on when its due time
 * passes, and the history of both. An event is only the trigger: what happens is decided by the stored state, under
 * the series' lock, so redelivered, duplicated, reordered or racing events have the effect of one.
 */
@Singleton
public class SeriesLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SeriesLifecycle.class);

    private final TaskStore store;
    private final TaskViews views;
    private final TaskEvents events;
    private final SeriesStore series;
    private final SeriesHistory history;
    private final ReminderStore reminders;
    private final Tags tags;
    private final Clock clock;

    SeriesLifecycle(TaskStore store, TaskViews views, TaskEvents events, SeriesStore series, SeriesHistory history,
                ReminderStore reminders, Tags tags, Clock clock) {
        this.store = store;
        this.views = views;
        this.events = events;
        this.series = series;
        this.history = history;
        this.reminders = reminders;
        this.tags = tags;
        this.clock = clock;
    }

    /**
     * Task {@code taskId} was completed. If it is still done and its series active, the series gets its next instance
     * (same title, description, priority, tags and relative reminders) with its {@code task.created} event, unless
     * COUNT or UNTIL has ended the series. Instance n + 1 is created at most once, whatever calls this.
     * Runs in the caller's transaction.
     */
    public void completed(UUID userId, UUID taskId) {
        UUID seriesId = store.find(userId, taskId).map(Task::seriesId).orElse(null);
        Series s = seriesId == null ? null : series.lock(seriesId).orElse(null);
        // Read under the series lock: a reopen takes it too, so it is either seen here or sees the successor.
        Task done = s == null ? null : store.find(userId, taskId).orElse(null);
        if (done == null || !done.isDone() || !s.id().equals(done.seriesId()) || done.dueAt() == null) {
            return;     // deleted, reopened since, or not (any more) an instance: nothing follows from it
        }
        Instant now = clock.instant();
        history.record(s.id(), SeriesHistory.Kind.COMPLETED, done.id(), done.dueAt(), now);
        if (!s.isActive()) {
            return;
        }
        Optional<Instant> next = NextDue.of(s.mode(), s.rule(), s.zone(), s.startAt(), done.dueAt(), done.completedAt(), done.instanceNumber());
        if (next.isEmpty()) {
            finish(s, now);
            return;
        }
        Task created = done.nextInstance(next.get(), now);
        if (!store.insertUnlessInstanceExists(created)) {
            return;     // another completion of this instance came first
        }
        tags.ensure(userId, created.tags(), now);
        reminders.ofTasks(List.of(done.id())).stream().map(Reminder::spec).filter(r -> r.beforeDue() != null).distinct()
            .forEach(spec -> reminders.insert(Reminder.of(created.id(), userId, spec, created.dueAt(), now)));
        history.record(s.id(), SeriesHistory.Kind.CREATED, created.id(), created.dueAt(), now);
        events.emit(EventTypes.TASK_CREATED, views.of(created));
    }

    /**
     * The due time {@code dueAt} of task {@code taskId} passed (reminder-fire's clock says so). If the task is still
     * open, still due then, and its series active, it moves to the series' next occurrence: the passed ones are
     * recorded as missed, its missed count grows, its relative reminders are armed for the new due time, and a
     * {@code task.updated} is published. When no occurrence follows, the series is finished and the task stays.
     * Runs in the caller's transaction.
     */
    public void due(UUID userId, UUID taskId, UUID seriesId, Instant dueAt) {
        Task open = store.lock(userId, taskId).orElse(null);
        if (open == null || open.isDone() || !Objects.equals(open.seriesId(), seriesId) || !Objects.equals(open.dueAt(), dueAt)) {
            return;     // completed, deleted, detached or moved since: this due time is no longer the task's
        }
        Series s = series.lock(seriesId).orElse(null);
        if (s == null || !s.isActive()) {
            return;
        }
        Instant now = clock.instant();
        Optional<NextDue.Move> move = NextDue.afterMissed(s.mode(), s.rule(), s.zone(), s.startAt(), dueAt, now, open.instanceNumber());
        if (move.isEmpty()) {
            finish(s, now);
            return;
        }
        Task moved = open.movedTo(move.get().next(), move.get().missed().size(), now);
        store.update(moved);
        for (Reminder r : reminders.ofTasks(List.of(open.id()))) {
            if (r.beforeDue() != null) {
                reminders.rearm(r.id(), r.spec().fireAt(moved.dueAt()), now);
            }
        }
        for (Instant missed : move.get().missed()) {
            history.record(s.id(), SeriesHistory.Kind.MISSED, open.id(), missed, now);
        }
        events.emit(EventTypes.TASK_UPDATED, views.of(moved));
    }

    /**
     * No occurrence follows: COUNT or UNTIL ended the series, the year 9999 did, or its stored rule is not evaluated
     * (it breaks one of today's limits, {@link Rules#refusal}: logged), or finding the next occurrence took more than
     * the budget of an evaluation ({@link RuleWalk#BUDGET}). The last two cannot happen to a rule the API accepted.
     */
    private void finish(Series s, Instant now) {
        String refusal = Rules.refusal(s.rule());
        if (refusal != null) {
            LOG.warn("series {} finished: its stored rule is not evaluated ({})", s.id(), refusal);
        }
        series.update(s.finished(now));
        history.record(s.id(), SeriesHistory.Kind.FINISHED, null, null, now);
    }

    /** Whether {@code cursor} is one a page of a series' history hands out (the id of the last entry it shows). */
    public static boolean isHistoryCursor(String cursor) {
        try {
            Long.parseLong(cursor);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A page of a series' history, newest first. */
    @Serdeable
    public record HistoryPage(UUID seriesId, String summary, String status, List<SeriesHistory.Entry> items,
                              String nextCursor) {
    }

    public static final int DEFAULT_HISTORY_LIMIT = 100;
    public static final int MAX_HISTORY_LIMIT = 1000;

    /** The user's series' history, a page of it newest first (the cursor is a page's next_cursor); 404 for another's. */
    @Transactional
    public HistoryPage history(UUID userId, UUID seriesId, PageRequest page) {
        if (page.cursor() != null && !isHistoryCursor(page.cursor())) {
            throw KadenceException.invalid("cursor", "invalid_cursor", "not a cursor this endpoint returned");
        }
        Long before = page.cursor() == null ? null : Long.valueOf(page.cursor());
        int size = page.limit();
        Series s = series.find(seriesId).filter(found -> found.userId().equals(userId))
            .orElseThrow(() -> KadenceException.notFound("series"));
        List<SeriesHistory.Entry> items = history.page(s.id(), before, size + 1);
        String next = items.size() > size ? String.valueOf(items.get(size - 1).id()) : null;
        return new HistoryPage(s.id(), TaskViews.summary(s), s.status().wire(), items.subList(0, Math.min(size, items.size())), next);
    }
}
