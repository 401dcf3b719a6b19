package dev.kadence.core.calendar;

import dev.kadence.core.error.KadenceException;
import dev.kadence.core.recurrence.Series;
import dev.kadence.core.recurrence.SeriesStore;
import dev.kadence.core.reminder.Reminder;
import dev.kadence.core.reminder.ReminderStore;
import dev.kadence.core.task.Task;
import dev.kadence.core.task.TaskStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each user's calendar feed: a secret URL ({@code /api/v1/calendar/{token}.ics}) serving their open tasks as
 * iCalendar. The token is shown once, when made; creating again replaces it, revoking deletes it.
 */
@Singleton
public class CalendarFeeds {
    /** The most tasks a feed lists: the soonest due. */
    public static final int MAX_TASKS = 5_000;

    private final CalendarFeedStore feeds;
    private final TaskStore tasks;
    private final SeriesStore series;
    private final ReminderStore reminders;
    private final Clock clock;

    CalendarFeeds(CalendarFeedStore feeds, TaskStore tasks, SeriesStore series, ReminderStore reminders, Clock clock) {
        this.feeds = feeds;
        this.tasks = tasks;
        this.series = series;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** A new feed token (the only time it is known), and when it was made. */
    public record Created(String token, Instant createdAt) {
    }

    /** The calendar's bytes and their entity tag. */
    public record Feed(byte[] body, String etag) {
    }

    /** Makes the user's feed, or replaces its token: the previous URL stops working. */
    @Transactional
    public Created create(UUID userId) {
        String token = FeedTokens.generate();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        feeds.put(userId, FeedTokens.hash(token), now);
        return new Created(token, now);
    }

    /** When the user's feed was made; empty when they have none. */
    @Transactional
    public Optional<Instant> createdAt(UUID userId) {
        return feeds.createdAt(userId);
    }

    /** Revokes the user's feed; its URL is then not found. Nothing to revoke is fine too. */
    @Transactional
    public void revoke(UUID userId) {
        feeds.delete(userId);
    }

    /** The calendar of the feed whose token is {@code token}; not found for any other string. */
    @Transactional
    public Feed render(String token) {
        UUID userId = (FeedTokens.wellFormed(token) ? feeds.owner(FeedTokens.hash(token)) : Optional.<UUID>empty())
            .orElseThrow(() -> KadenceException.notFound("calendar feed"));
        byte[] body = FeedCalendar.render(entries(tasks.openWithDueTime(userId, MAX_TASKS)));
        byte[] digest = FeedTokens.sha256(body);
        return new Feed(body, '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"');
    }

    private List<FeedCalendar.Entry> entries(List<Task> open) {
        Map<UUID, Series> seriesById = series.findAll(open.stream().map(Task::seriesId).filter(Objects::nonNull).distinct().toList())
            .stream().collect(Collectors.toMap(Series::id, Function.identity()));
        Map<UUID, List<Reminder>> remindersByTask = reminders.ofTasks(open.stream().map(Task::id).toList())
            .stream().collect(Collectors.groupingBy(Reminder::taskId));
        return open.stream().map(t -> new FeedCalendar.Entry(t, seriesById.get(t.seriesId()),
            remindersByTask.getOrDefault(t.id(), List.of()))).toList();
    }
}
